using System.Globalization;
using System.Text;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Rules.Catalog;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Exchange;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Planning;

/// <summary>
/// Writes the remediation plan from the facts-stage findings, following the catalog's step rules: per-user MFA
/// steps first, then the tenant changes (each high-risk one behind an approval), one wait, the user's manual step,
/// and a verification. Pure and deterministic: the same findings always give the same plan. Findings the host accepted
/// (<see cref="Finding.Acceptance"/>) get no step, are fixed and checked by none, and pick no policy to exclude from; they
/// only still shape the words of the user's own step (a method to register is needed whether or not its finding is accepted).
/// </summary>
internal static class PlanBuilder
{
    /// <summary>
    /// The pseudo-resource that stands for the <c>exchangeOnline</c> section in <see cref="PlanStep.SimulatedEffect"/>:
    /// Exchange Online's settings have no Graph API, so a manual step's effect on them is a JSON merge patch of the
    /// section's value at this path (never sent anywhere).
    /// </summary>
    internal const string ExchangeOnlinePath = "/exchangeOnline";

    private const string AuthenticationPolicyAdministrator = "Authentication Policy Administrator";
    private const string ConditionalAccessAdministrator = "Conditional Access Administrator";
    private const string UserAdministrator = "User Administrator";
    private const string PrivilegedAuthenticationAdministrator = "Privileged Authentication Administrator";
    private const string SecurityAdministrator = "Security Administrator";
    private const string ExchangeAdministrator = "Exchange Administrator";

    public static RemediationPlan Build(SnapshotIndex index, UserEntry? user, string requestedUser, IReadOnlyList<Finding> reported, Verdict verdict, DiagnosticsSettings settings, in CodeSet factCodes, CodeTable table)
    {
        var findings = Open(reported);
        var endpoints = CloudEndpoints.For(index.Snapshot.Cloud);
        var codes = findings.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);

        // Only blockers get a fix: a code the host re-graded below blocker no longer drives the verdict, so changing the
        // tenant for it would contradict the verdict (an 'available' plan never holds a graph step).
        var blocking = findings.Where(f => f.Severity == Severity.Blocker).Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        var steps = new List<PlanStep>();
        var protocols = index.Protocols;
        var alternatives = new List<Alternative>
        {
            new(
                "Use Microsoft Graph with OAuth for the product",
                "Register the product as an application in Entra ID and let it call Microsoft Graph with OAuth, with only the application permissions it needs. It then needs no app password, no per-user MFA exception and no Conditional Access exclusion, and keeps working after Basic authentication is gone.",
                Sources.GraphAppOnly),
        };

        if (codes.Contains(DiagnosticCodes.UserNotFound) || user is null)
        {
            steps.Add(Manual(
                PlanStepIds.CheckUserAndRecapture,
                $"Check the user name {requestedUser} and capture the snapshot again",
                $"{requestedUser} is not in the snapshot. Nothing can be planned for an account that does not exist.",
                $"Confirm the user principal name of the account the product uses (Entra admin center > Users), then capture a snapshot that includes it.",
                endpoints.EntraAdminCenter,
                [DiagnosticCodes.UserNotFound],
                [],
                "User.Read.All",
                "Directory Readers"));
            return Finish(steps, findings, alternatives);
        }

        string userId = user.User.Id;
        string upn = user.User.UserPrincipalName;

        if (verdict == Verdict.Indeterminate)
        {
            steps.Add(ResolveMissingData(findings.Where(f => f.RootCause).ToArray(), upn, endpoints));
            AddSwitchCheck(steps, codes, endpoints, []);
            AddSmtpAuthCheck(steps, codes, upn);
            return Finish(steps, findings, alternatives);
        }

        if (blocking.Contains(DiagnosticCodes.GuestAccount))
        {
            steps.Add(Manual(
                PlanStepIds.UseMemberAccount,
                "Use a member account of this tenant for the product",
                $"{upn} is a B2B guest; Microsoft documents no way for a guest to create or use an app password in a resource tenant.",
                "Create (or pick) a member account in this tenant for the product, give it only the permissions the product needs, and diagnose that account.",
                endpoints.EntraAdminCenter,
                [DiagnosticCodes.GuestAccount],
                [],
                "User.ReadWrite.All",
                UserAdministrator));
            return Finish(steps, findings, alternatives);
        }

        if (blocking.Contains(DiagnosticCodes.AppPasswordsDisabledForTenant))
        {
            AddSwitchCheck(steps, codes, endpoints, []);
            AddSmtpAuthCheck(steps, codes, upn);
            return Finish(steps, findings, alternatives);
        }

        // Revoking sessions and enabling an account are sensitive actions on a user who holds a directory role (known or
        // not): Entra then requires Privileged Authentication Administrator. Unknown membership is treated as a role.
        string sensitiveRole = HoldsOrMayHoldRole(user) ? PrivilegedAuthenticationAdministrator : UserAdministrator;

        var changeSteps = new List<string>();
        // The question APW070 asks too: one decision (the guest and tenant-switch cases have returned above).
        bool perUser = PerUserMfaMixedRule.PlanEnforcesPerUserMfa(true, verdict, factCodes, table);
        if (perUser)
        {
            var requirements = user.Sections.AuthenticationRequirements.Value!;
            string url = endpoints.Graph($"/beta/users/{userId}/authentication/requirements");
            string captured = JsonString(requirements.PerUserMfaStateValue);
            steps.Add(new PlanStep(() => new PlanStepText(
                $"Enforce per-user MFA for {upn}",
                $"App password is offered only to users enforced for per-user MFA; the per-user MFA state of {upn} is {requirements.PerUserMfaStateValue}. This is the documented fix (the CodeTwo knowledge base's steps 5 and 6 in the portal). From now on the account does MFA at every interactive sign-in and its legacy clients need app passwords.",
                null))
            {
                Id = PlanStepIds.EnforcePerUserMfa,
                Kind = PlanStepKind.Graph,
                Fixes = Present(codes, DiagnosticCodes.PerUserMfaDisabled, DiagnosticCodes.PerUserMfaEnabledNotEnforced),
                Risk = Risk.Medium,
                RequiredPermissions = ["Policy.ReadWrite.AuthenticationMethod"],
                RequiredRole = AuthenticationPolicyAdministrator,
                Request = new GraphRequest("PATCH", url, "{\"perUserMfaState\":\"enforced\"}"),
                Effect = StepEffect.EnforcePerUserMfa,
                Rollback = new GraphRequest("PATCH", url, $"{{\"perUserMfaState\":{captured}}}"),
                Check = new StepCheck(url, "perUserMfaState", captured, "\"enforced\""),
            });
            steps.Add(new PlanStep(() => new PlanStepText(
                $"Sign {upn} out of all sessions",
                "Existing sessions keep the old state until they expire; revoking them makes the next sign-in pick up the enforced state (the knowledge base's 'Sign out of all sessions'). Running sessions of the product sign in again.",
                null))
            {
                Id = PlanStepIds.RevokeSignInSessions,
                Kind = PlanStepKind.Graph,
                Fixes = [],
                DependsOn = [PlanStepIds.EnforcePerUserMfa],
                Risk = Risk.Low,
                RequiredPermissions = ["User.RevokeSessions.All"],
                RequiredRole = sensitiveRole,
                Request = new GraphRequest("POST", endpoints.Graph($"/v1.0/users/{userId}/revokeSignInSessions"), null),
                Effect = StepEffect.RevokeSessions,
                RollbackUnavailableReason = "Revoked sessions cannot be restored; the user simply signs in again.",
                Check = new StepCheck(
                    endpoints.Graph($"/v1.0/users/{userId}?$select=signInSessionsValidFromDateTime"),
                    "signInSessionsValidFromDateTime",
                    user.User.SignInSessionsValidFromDateTime is { } validFrom ? JsonString(SnapshotWriter.FormatInstant(validFrom)) : "null",
                    "\"an instant at or after the revocation\"",
                    StepCheckKind.InstantAfterWrite),
            });
            changeSteps.Add(PlanStepIds.RevokeSignInSessions);
        }

        if (blocking.Contains(DiagnosticCodes.AccountDisabled))
        {
            if (user.User.OnPremisesSyncEnabled == true)
            {
                steps.Add(new PlanStep(Manual(
                    PlanStepIds.EnableAccountOnPremises,
                    $"Enable {upn} in on-premises Active Directory",
                    $"{upn} is synchronized from on-premises, so cloud changes to accountEnabled are overwritten; enable it where it is mastered and let synchronization run.",
                    "In Active Directory Users and Computers (or Enable-ADAccount), enable the account, then wait for the next Entra Connect synchronization cycle.",
                    null,
                    [DiagnosticCodes.AccountDisabled],
                    [],
                    null,
                    "Domain administrator (on premises)"))
                {
                    SimulatedEffect = new GraphRequest("PATCH", endpoints.Graph($"/v1.0/users/{userId}"), "{\"accountEnabled\":true}"),
                    Effect = StepEffect.EnableAccount,
                });
                changeSteps.Add(PlanStepIds.EnableAccountOnPremises);
            }
            else
            {
                string url = endpoints.Graph($"/v1.0/users/{userId}");
                steps.Add(new PlanStep
                {
                    Id = PlanStepIds.EnableAccount,
                    Kind = PlanStepKind.Graph,
                    Title = $"Enable the account {upn}",
                    Explanation = $"{upn} is disabled and cannot sign in, neither to Security info nor with an app password. Make sure the account was not disabled on purpose (for example after a compromise) before enabling it.",
                    Fixes = [DiagnosticCodes.AccountDisabled],
                    Risk = Risk.Medium,
                    RequiredPermissions = ["User.EnableDisableAccount.All"],
                    RequiredRole = sensitiveRole,
                    Request = new GraphRequest("PATCH", url, "{\"accountEnabled\":true}"),
                    Effect = StepEffect.EnableAccount,
                    Rollback = new GraphRequest("PATCH", url, "{\"accountEnabled\":false}"),
                    Check = new StepCheck(url + "?$select=accountEnabled", "accountEnabled", "false", "true"),
                });
                changeSteps.Add(PlanStepIds.EnableAccount);
            }
        }

        // APW072 (the sign-in log saw security defaults block the product) is fixed by the same step as APW010 (catalog v1.2 §3).
        string[] defaultsFixes = new[] { DiagnosticCodes.SecurityDefaultsEnabled, DiagnosticCodes.LegacySignInsBlockedBySecurityDefaults }.Where(blocking.Contains).ToArray();
        if (defaultsFixes.Length > 0 && !protocols.AllRetired)
        {
            string url = endpoints.Graph("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy");
            const string Cost = "Trade-off: the whole tenant loses its MFA baseline unless Conditional Access policies replace it (that needs Entra ID P1), and such policies must not cover legacy clients for this account.";
            // A Graph change needs the policy it changes: when only the sign-in log saw security defaults (their section was
            // not read, and the host accepted or disabled what that would say), the step is the admin's decision instead.
            if (protocols.WeakeningCanHelp && index.Snapshot.Sections.SecurityDefaults.IsCaptured)
            {
                steps.Add(new PlanStep
                {
                    Id = PlanStepIds.DisableSecurityDefaults,
                    Kind = PlanStepKind.Graph,
                    Title = "Turn off security defaults",
                    Explanation = $"Security defaults block every legacy-authentication sign-in, so an app password cannot work over {DeclaredProtocols.Names(protocols.Open)} while they are on. {Cost} Moving the product to Microsoft Graph with OAuth avoids this change entirely.",
                    Fixes = defaultsFixes,
                    Risk = Risk.High,
                    RequiresApproval = true,
                    RequiredPermissions = ["Policy.ReadWrite.SecurityDefaults"],
                    RequiredRole = SecurityAdministrator,
                    Request = new GraphRequest("PATCH", url, "{\"isEnabled\":false}"),
                    Effect = StepEffect.DisableSecurityDefaults,
                    Rollback = new GraphRequest("PATCH", url, "{\"isEnabled\":true}"),
                    Check = new StepCheck(url, "isEnabled", "true", "false"),
                });
                changeSteps.Add(PlanStepIds.DisableSecurityDefaults);
            }
            else
            {
                steps.Add(Decision(
                    PlanStepIds.DecideSecurityDefaults,
                    () => new PlanStepText(
                        "Decide whether to turn off security defaults (only for a product that signs in over SMTP AUTH)",
                        $"Security defaults block every legacy-authentication sign-in, so an app password can only be used with them off. {Cost} " +
                            "The change only helps a product that signs in over a protocol that still accepts app passwords; in Exchange Online that is SMTP AUTH only. For any other protocol it weakens the tenant for nothing. Moving the product to Microsoft Graph with OAuth avoids it.",
                        DecisionInstructions(upn, "leave security defaults on")),
                    endpoints.EntraAdminCenter,
                    defaultsFixes,
                    SecurityAdministrator));
                changeSteps.Add(PlanStepIds.DecideSecurityDefaults);
            }
        }

        // APW071: the policies the sign-in log names that are still enabled get their policy's step; the ones the snapshot
        // does not hold, or a block that names none, a manual review (catalog v1.2 §3, §5.4).
        var observedBlocks = blocking.Contains(DiagnosticCodes.LegacySignInsBlockedByConditionalAccess) ? ObservedPolicyBlocks(index, user) : ObservedBlocks.None;
        var blockingPolicies = findings
            .Where(f => f.Code is DiagnosticCodes.LegacyAuthBlockedByConditionalAccess or DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients && f.PolicyId is not null && f.Severity == Severity.Blocker)
            .Select(f => f.PolicyId!)
            .Concat(observedBlocks.Enabled)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => index.FindPolicy(id) ?? throw new InvalidOperationException($"A finding names Conditional Access policy '{id}', which the index does not hold."))
            .OrderBy(p => p.Policy.Index);
        // The words every policy step shares are written once per plan (a user can be blocked by dozens of policies).
        string? decisionExplanation = null, decisionInstructions = null, exclusionExplanation = null;
        Dictionary<string, List<string>>? policyCodes = null;
        foreach (var facts in protocols.AllRetired ? Enumerable.Empty<PolicyFacts>() : blockingPolicies)
        {
            var policy = facts.Policy;
            var fixes = (policyCodes ??= PolicyCodes(findings)).TryGetValue(policy.Id, out var codesOfPolicy) ? codesOfPolicy.ToArray() : [];
            if (observedBlocks.Enabled.Contains(policy.Id, StringComparer.OrdinalIgnoreCase))
            {
                fixes = [.. fixes, DiagnosticCodes.LegacySignInsBlockedByConditionalAccess];
            }

            const string Cost = "Trade-off: the policy no longer protects this account at all (every client type, every resource it targets), so the account relies on its password and per-user MFA.";
            string managed = policy.DisplayName?.StartsWith("Microsoft-managed", StringComparison.OrdinalIgnoreCase) == true ? " This is a Microsoft-managed policy: only its state and exclusions can be edited." : string.Empty;
            if (!protocols.WeakeningCanHelp)
            {
                string decision = PlanStepIds.DecideCaExclusionPrefix + policy.Id;
                steps.Add(Decision(
                    decision,
                    () => new PlanStepText(
                        $"Decide whether to exclude {upn} from Conditional Access policy {facts.QuotedName} (only for a product that signs in over SMTP AUTH)",
                        (decisionExplanation ??= $"The policy stops {upn}'s app-password sign-ins; excluding the account would let them through. {Cost} " +
                            "The exclusion only helps a product that signs in over a protocol that still accepts app passwords; in Exchange Online that is SMTP AUTH only. For any other protocol it weakens the tenant for nothing. Moving the product to Microsoft Graph with OAuth avoids it.") + managed,
                        decisionInstructions ??= DecisionInstructions(upn, "leave the policy as it is")),
                    endpoints.EntraAdminCenter,
                    fixes,
                    ConditionalAccessAdministrator));
                changeSteps.Add(decision);
                continue;
            }

            string id = PlanStepIds.ExcludeFromPolicyPrefix + policy.Id;
            string url = endpoints.Graph($"/v1.0/identity/conditionalAccess/policies/{policy.Id}");
            var before = policy.Conditions.Users.ExcludeUsers;
            var after = before.Append(userId).ToArray();
            steps.Add(new PlanStep(() => new PlanStepText(
                $"Exclude {upn} from Conditional Access policy {facts.QuotedName}",
                (exclusionExplanation ??= $"The policy stops {upn}'s app-password sign-ins over {DeclaredProtocols.Names(protocols.Open)}. {Cost} Prefer Microsoft Graph with OAuth for the product; if you exclude the account, give it a long random password and monitor its sign-ins.") + managed,
                null))
            {
                Id = id,
                Kind = PlanStepKind.Graph,
                Fixes = fixes,
                Risk = Risk.High,
                RequiresApproval = true,
                RequiredPermissions = ["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"],
                RequiredRole = ConditionalAccessAdministrator,
                Request = new GraphRequest("PATCH", url, ExcludeUsersBody(after)),
                Effect = StepEffect.ExcludeFromPolicy(policy.Id),
                Rollback = new GraphRequest("PATCH", url, ExcludeUsersBody(before)),
                Check = new StepCheck(url, "conditions.users.excludeUsers", JsonArray(before), JsonArray(after)),
            });
            changeSteps.Add(id);
        }

        if (blocking.Contains(DiagnosticCodes.SmtpAuthDisabledForMailbox) && index.Snapshot.Sections.ExchangeOnline.Value is { } exchange)
        {
            steps.Add(AllowSmtpAuth(SmtpAuthState.Of(exchange, userId), exchange, upn, endpoints));
            changeSteps.Add(PlanStepIds.AllowSmtpAuth);
        }

        foreach (var review in ReviewSignInBlocks(observedBlocks, upn, endpoints))
        {
            steps.Add(review);
            changeSteps.Add(review.Id);
        }

        // APW073, APW074: the product must send an app password (the only fix; no step ever sends a password anywhere).
        string[] productFixes = new[] { DiagnosticCodes.AccountPasswordUsedByLegacyClient, DiagnosticCodes.LegacySignInCredentialsRejected }.Where(blocking.Contains).ToArray();
        if (steps.Count == 0 && productFixes.Length > 0)
        {
            // Nothing in the tenant changes: the product's setting is the fix, then a check.
            steps.Add(ConfigureProductAppPassword(upn, productFixes, afterUserStep: false, [], endpoints));
            string[] only = new[] { AddSwitchCheck(steps, codes, endpoints, []), AddSmtpAuthCheck(steps, codes, upn) }.OfType<string>().ToArray();
            steps.Add(VerifyStep(findings, [PlanStepIds.ConfigureProductAppPassword, .. only]));
            return Finish(steps, findings, alternatives);
        }

        if (steps.Count == 0)
        {
            // Nothing to change (available, or blocked by something no tenant change fixes).
            AddSwitchCheck(steps, codes, endpoints, []);
            AddSmtpAuthCheck(steps, codes, upn);
            return Finish(steps, findings, alternatives);
        }

        string? switchStep = AddSwitchCheck(steps, codes, endpoints, []);
        string? smtpCheck = AddSmtpAuthCheck(steps, codes, upn);
        string[] checks = new[] { switchStep, smtpCheck }.OfType<string>().ToArray();
        int waitMinutes = (int)Math.Ceiling(settings.PropagationWait.TotalMinutes);
        var waitDependsOn = changeSteps.Where(s => s != PlanStepIds.EnforcePerUserMfa).ToArray();
        steps.Add(new PlanStep
        {
            Id = PlanStepIds.WaitForPropagation,
            Kind = PlanStepKind.Wait,
            Title = waitMinutes == 1 ? "Wait 1 minute for the changes to propagate" : string.Create(CultureInfo.InvariantCulture, $"Wait {waitMinutes} minutes for the changes to propagate"),
            Explanation = "Revocation and policy changes take minutes to reach every service. The default of 15 minutes is a safe margin, not a documented session length.",
            DependsOn = waitDependsOn,
            Risk = Risk.Low,
            WaitMinutes = waitMinutes,
        });

        string last = PlanStepIds.WaitForPropagation;
        if (perUser)
        {
            bool needsMethod = Fired(reported, DiagnosticCodes.NoMfaMethodRegistered);
            bool registrationBlocked = Fired(reported, DiagnosticCodes.SecurityInfoRegistrationBlocked);
            steps.Add(Manual(
                PlanStepIds.UserAddsAppPassword,
                () => new PlanStepText(
                    $"{upn} signs in to Security info and adds an App password",
                    "Only the user can create an app password (no API exists). The option appears once the enforced state has reached the user's new session.",
                    $"Sign in as {upn} at {endpoints.SecurityInfoUrl}" +
                        (needsMethod ? ", register an MFA method (for example Microsoft Authenticator) when asked" : ", complete MFA") +
                        ", choose Add sign-in method > App password, name it after the product, and copy the generated password into the product's connection settings." +
                        (registrationBlocked ? " A Conditional Access policy blocks registering security info outside trusted locations: do this from the office network." : string.Empty)),
                endpoints.SecurityInfoUrl,
                Present(codes, DiagnosticCodes.NoMfaMethodRegistered),
                [last, .. checks],
                null,
                null));
            last = PlanStepIds.UserAddsAppPassword;
        }

        if (productFixes.Length > 0)
        {
            steps.Add(ConfigureProductAppPassword(upn, productFixes, afterUserStep: perUser, perUser ? [last] : [last, .. checks], endpoints));
            last = PlanStepIds.ConfigureProductAppPassword;
        }

        steps.Add(VerifyStep(findings, perUser || productFixes.Length > 0 ? [last] : [last, .. checks]));
        return Finish(steps, findings, alternatives);
    }

    private static PlanStep VerifyStep(IReadOnlyList<Finding> findings, string[] dependsOn) => new()
    {
        Id = PlanStepIds.Verify,
        Kind = PlanStepKind.Verify,
        Title = "Capture again and confirm App password is available and usable",
        Explanation = "Re-reads the tenant, diagnoses the user again and succeeds when the blockers below are gone.",
        Fixes = findings.Where(f => f.Severity == Severity.Blocker).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToArray(),
        DependsOn = dependsOn,
        Risk = Risk.Low,
        // A blocker the sign-in log showed is checked by a new sign-in, which the verification reads from the log (catalog v1.2).
        RequiredPermissions = findings.Any(f => f.Severity == Severity.Blocker && f.Confidence == Confidence.Observed && f.ConfidenceFromEvidence)
            ? ["Policy.Read.All", "User.Read.All", "UserAuthenticationMethod.Read.All", "GroupMember.Read.All", "RoleManagement.Read.Directory", "AuditLog.Read.All", "Directory.Read.All"]
            : ["Policy.Read.All", "User.Read.All", "UserAuthenticationMethod.Read.All", "GroupMember.Read.All", "RoleManagement.Read.Directory"],
        RequiredRole = "Global Reader",
    };

    /// <summary>
    /// The manual step of APW073 and APW074 (catalog v1.2 §3): the user creates an app password on the Security info page
    /// and the product is set to sign in with it. After the per-user MFA steps, the app password of the step before is
    /// the one to use. No step ever sends a password anywhere.
    /// </summary>
    private static PlanStep ConfigureProductAppPassword(string upn, string[] fixes, bool afterUserStep, string[] dependsOn, CloudEndpoints endpoints)
    {
        bool accountPassword = fixes.Contains(DiagnosticCodes.AccountPasswordUsedByLegacyClient);
        return Manual(
            PlanStepIds.ConfigureProductAppPassword,
            () => new PlanStepText(
                $"Set the product to sign in as {upn} with an app password",
                (accountPassword
                    ? $"The sign-in log shows the product sending {upn}'s own password, which fails because the account requires MFA; a legacy client must send an app password. "
                    : $"The sign-in log shows the password the product sends for {upn} being rejected: an app password that was deleted or mistyped. ") +
                    "Only the user can create an app password (no API exists), and only the product's administrator can enter it; this plan never handles a password.",
                afterUserStep
                    ? $"Enter the app password {upn} created in the previous step in the product's connection settings, in place of the password it sends now, and save. Then let the product sign in again (for a backup service: run a job) and check that it succeeds."
                    : $"Sign in as {upn} at {endpoints.SecurityInfoUrl}, choose Add sign-in method > App password, name it after the product and copy the generated password. Enter it in the product's connection settings, in place of the password it sends now, and save. Then let the product sign in again (for a backup service: run a job) and check that it succeeds."),
            endpoints.SecurityInfoUrl,
            fixes,
            dependsOn,
            null,
            null);
    }

    /// <summary>The policies the sign-in log's Conditional Access blocks name (catalog v1.2 §3, §5.4).</summary>
    private sealed record ObservedBlocks(string[] Enabled, string[] Absent, bool Unnamed)
    {
        public static ObservedBlocks None { get; } = new([], [], false);
    }

    /// <summary>
    /// The APW071 observations that still block, and what they name: policies in the snapshot and enabled (their policy's
    /// step fixes the block), policies the snapshot does not hold (a manual review each), or no policy at all (one review).
    /// </summary>
    private static ObservedBlocks ObservedPolicyBlocks(SnapshotIndex index, UserEntry user)
    {
        Span<int> newest = stackalloc int[SignInLog.Groups];
        if (SignInLog.Observe(user, index.Settings.LegacyProtocols, newest) is not { } signIns)
        {
            return ObservedBlocks.None;
        }

        var enabled = new List<string>();
        var absent = new List<string>();
        bool unnamed = false;
        for (int g = -1; SignInLog.NextObservation(newest, ref g, out int observed);)
        {
            var signIn = signIns[observed];
            if (signIn.ErrorCode != 53003 || !SignInLogRule.ConditionalAccessStillBlocks(index, user.User.Id, signIn, SimulatedChanges.None))
            {
                continue; // downgraded observations need no step (§5.5)
            }

            bool named = false;
            foreach (var applied in SignInLog.FailedPolicies(signIn))
            {
                named = true;
                if (index.FindCapturedPolicy(applied.Id) is not { } policy)
                {
                    absent.Add(applied.Id);
                }
                else if (policy.State == ConditionalAccessPolicyState.Enabled && index.FindPolicy(policy.Id) is not null)
                {
                    enabled.Add(policy.Id);
                }
            }

            unnamed |= !named;
        }

        return new ObservedBlocks(
            enabled.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            absent.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray(),
            unnamed);
    }

    private static IEnumerable<PlanStep> ReviewSignInBlocks(ObservedBlocks blocks, string upn, CloudEndpoints endpoints)
    {
        const string Instructions = "In the Entra admin center, open Sign-in logs, filter on the account and Client app = the product's protocol, open the failed sign-in (error 53003) and its Conditional Access tab: it names the policy and the condition that matched. Exclude the product's account from that policy only if you accept the security cost (prefer moving the product to modern authentication), then let the product sign in again.";
        if (blocks.Unnamed)
        {
            yield return Manual(
                PlanStepIds.ReviewSignInBlock,
                $"Find the Conditional Access policy that blocked {upn}'s legacy sign-in",
                $"The sign-in log shows Conditional Access blocking the product's sign-in of {upn} (error 53003) without naming the policy (the account that read the log may lack Policy.Read.ConditionalAccess).",
                Instructions,
                endpoints.EntraAdminCenter,
                [DiagnosticCodes.LegacySignInsBlockedByConditionalAccess],
                [],
                "AuditLog.Read.All, Policy.Read.ConditionalAccess",
                ConditionalAccessAdministrator);
        }

        foreach (string policyId in blocks.Absent)
        {
            yield return Manual(
                PlanStepIds.ReviewSignInBlockPrefix + policyId,
                $"Review Conditional Access policy {policyId}, which blocked {upn}'s legacy sign-in",
                $"The sign-in log names the policy {policyId} as blocking the product's sign-in of {upn} (error 53003), but the snapshot does not hold it (created after the capture, or not readable with the capture's permissions).",
                Instructions,
                endpoints.EntraAdminCenter,
                [DiagnosticCodes.LegacySignInsBlockedByConditionalAccess],
                [],
                "Policy.Read.All, Policy.ReadWrite.ConditionalAccess",
                ConditionalAccessAdministrator);
        }
    }

    /// <summary>The findings no acceptance covers (the list itself when none is accepted, as without acceptances).</summary>
    private static IReadOnlyList<Finding> Open(IReadOnlyList<Finding> findings)
    {
        for (int i = 0; i < findings.Count; i++)
        {
            if (findings[i].Acceptance is not null)
            {
                return findings.Where(f => f.Acceptance is null).ToArray();
            }
        }

        return findings;
    }

    private static bool Fired(IReadOnlyList<Finding> findings, string code)
    {
        for (int i = 0; i < findings.Count; i++)
        {
            if (findings[i].Code == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The codes APW020 and APW021 of each policy, in the order of the findings (one pass, not one per policy).</summary>
    private static Dictionary<string, List<string>> PolicyCodes(IReadOnlyList<Finding> findings)
    {
        var byPolicy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (f.PolicyId is { } id && f.Code is DiagnosticCodes.LegacyAuthBlockedByConditionalAccess or DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients)
            {
                if (!byPolicy.TryGetValue(id, out var codes))
                {
                    byPolicy.Add(id, codes = []);
                }

                if (!codes.Contains(f.Code))
                {
                    codes.Add(f.Code);
                }
            }
        }

        return byPolicy;
    }

    private static string? AddSwitchCheck(List<PlanStep> steps, HashSet<string> codes, CloudEndpoints endpoints, string[] dependsOn)
    {
        bool off = codes.Contains(DiagnosticCodes.AppPasswordsDisabledForTenant);
        if (!off && !codes.Contains(DiagnosticCodes.TenantAppPasswordSettingUnknown))
        {
            return null;
        }

        steps.Add(new PlanStep(Manual(
            PlanStepIds.AppPasswordSwitch,
            off ? "Turn on 'Allow users to create app passwords'" : "Check that 'Allow users to create app passwords' is on",
            off
                ? "The tenant-wide MFA service setting is off, so nobody is offered App password. No supported API changes it. Turning it on lets every per-user-MFA-enforced user create app passwords; Microsoft recommends pairing app passwords with tight Conditional Access elsewhere."
                : "The tenant-wide switch could not be read (no supported API exposes it). If it is off, nobody is offered App password.",
            "Open the legacy multifactor authentication page (Entra admin center > Users > Per-user MFA, or Entra ID > Multifactor authentication > Additional cloud-based MFA settings) and its Service settings tab: under App passwords, select 'Allow users to create app passwords to sign in to non-browser apps', then Save.",
            endpoints.LegacyMfaPortal + "/UserManagement/MfaSettings.aspx",
            off ? [DiagnosticCodes.AppPasswordsDisabledForTenant] : [DiagnosticCodes.TenantAppPasswordSettingUnknown],
            dependsOn,
            null,
            AuthenticationPolicyAdministrator))
        {
            SimulatedEffect = off ? new GraphRequest("PATCH", endpoints.Graph("/beta/policies/mfaServicePolicy"), "{\"allowAppPasswords\":true}") : null,
            Effect = off ? StepEffect.AllowAppPasswords : null,
        });
        return PlanStepIds.AppPasswordSwitch;
    }

    /// <summary>
    /// The check of the Exchange Online SMTP AUTH settings when they were not captured (APW092, with APW062 from the day
    /// Basic SMTP AUTH is off by default): one manual step fixes both (catalog v1.1 §6.8).
    /// </summary>
    private static string? AddSmtpAuthCheck(List<PlanStep> steps, HashSet<string> codes, string upn)
    {
        if (!codes.Contains(DiagnosticCodes.ExchangeSettingsNotCaptured))
        {
            return null;
        }

        bool offByDefault = codes.Contains(DiagnosticCodes.SmtpAuthBasicOffByDefault);
        string identity = PowerShellText.Quote(upn);
        steps.Add(Manual(
            PlanStepIds.CheckSmtpAuth,
            offByDefault ? "Check (and, if you accept it, re-enable) SMTP AUTH Basic authentication" : "Check that SMTP AUTH is allowed for the mailbox",
            "The product signs in over SMTP AUTH, and Exchange Online decides per tenant, per mailbox and per authentication policy whether SMTP AUTH accepts Basic authentication (an app password). No Graph API reads these settings, so the snapshot could not." +
                (offByDefault ? $" Microsoft turned SMTP AUTH Basic authentication off by default for existing tenants at the end of December 2026; an admin can turn it back on for now ({LegacyProtocolRetirements.SmtpAuthAnnouncement})." : string.Empty),
            $"In Exchange Online PowerShell (Connect-ExchangeOnline), read: Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled; Get-CASMailbox -Identity {identity} | Format-List SmtpClientAuthenticationDisabled; Get-User -Identity {identity} | Format-List AuthenticationPolicy; Get-OrganizationConfig | Format-List DefaultAuthenticationPolicy; Get-AuthenticationPolicy | Format-List Name,AllowBasicAuthSmtp. " +
                "SMTP AUTH accepts the app password when the mailbox's SmtpClientAuthenticationDisabled is $false (or empty while the tenant's is $false) and the authentication policy that applies (the user's own, else the default) has AllowBasicAuthSmtp $true. " +
                $"Or run the read-only script of 'c2authdiag exchange-script --user {upn}' and diagnose again with --exchange-settings: the plan then holds the exact command for the one setting in the way." +
                (offByDefault ? $" If Basic SMTP AUTH is off and you accept the risk for now, turn it back on (source: {LegacyProtocolRetirements.SmtpAuthSource})." : string.Empty),
            null,
            Present(codes, DiagnosticCodes.SmtpAuthBasicOffByDefault, DiagnosticCodes.ExchangeSettingsNotCaptured),
            [],
            null,
            ExchangeAdministrator));
        return PlanStepIds.CheckSmtpAuth;
    }

    /// <summary>
    /// APW063's fix, least change first (catalog v1.1 §6.9): the mailbox switch when it (or the tenant it follows) is off;
    /// a dedicated authentication policy for this user when the policy that applies blocks Basic SMTP AUTH. A manual step
    /// with the exact commands and their rollback, since no Graph API reaches Exchange Online's settings.
    /// </summary>
    private static PlanStep AllowSmtpAuth(SmtpAuthState state, ExchangeOnlineSettings exchange, string upn, CloudEndpoints endpoints)
    {
        string identity = PowerShellText.Quote(upn);
        var commands = new List<string>();
        var rollbacks = new List<string>();
        var what = new List<string>();
        var patch = new StringBuilder("{");
        var userPatch = new List<string>();
        if (state.MailboxBlocks)
        {
            commands.Add($"Set-CASMailbox -Identity {identity} -SmtpClientAuthenticationDisabled $false");
            rollbacks.Add($"Set-CASMailbox -Identity {identity} -SmtpClientAuthenticationDisabled {(state.Mailbox?.SmtpClientAuthenticationDisabled == true ? "$true" : "$null")}");
            what.Add("turns SMTP AUTH on for this one mailbox (the tenant-wide setting stays as it is)");
            userPatch.Add("\"smtpClientAuthenticationDisabled\":false");
        }

        if (state.PolicyBlocks)
        {
            string name = "Allow SMTP AUTH Basic - " + upn;
            string quotedName = PowerShellText.Quote(name);
            commands.Add($"New-AuthenticationPolicy -Name {quotedName} -AllowBasicAuthSmtp");
            commands.Add($"Set-User -Identity {identity} -AuthenticationPolicy {quotedName}");
            rollbacks.Insert(0, $"Set-User -Identity {identity} -AuthenticationPolicy {(state.PolicyFromUser ? PowerShellText.Quote(state.Policy!.Name) : "$null")}");
            what.Add($"gives the user a dedicated authentication policy that allows Basic authentication for SMTP AUTH only, instead of '{state.Policy!.Name}' (which stays as it is for everyone else)");
            userPatch.Add("\"authenticationPolicy\":" + EvidenceValues.String(name));
            var policies = exchange.AuthenticationPolicies.Select(p => p.Json.GetRawText()).Append($"{{\"name\":{EvidenceValues.String(name)},\"allowBasicAuthSmtp\":true}}");
            patch.Append("\"authenticationPolicies\":[").AppendJoin(',', policies).Append("],");
        }

        patch.Append("\"users\":{").Append(EvidenceValues.String(state.UserId)).Append(":{").AppendJoin(',', userPatch).Append("}}}");
        return new PlanStep
        {
            Id = PlanStepIds.AllowSmtpAuth,
            Kind = PlanStepKind.Manual,
            Title = $"Allow SMTP AUTH for {upn} in Exchange Online",
            Explanation = $"Exchange Online refuses SMTP AUTH sign-ins of {upn}. The command {string.Join(", and ", what)}. It lets Basic authentication (the app password) through for SMTP AUTH; Microsoft plans to remove SMTP AUTH Basic authentication altogether, so plan the move to Microsoft Graph with OAuth.",
            Instructions = $"In Exchange Online PowerShell (Connect-ExchangeOnline) run: {string.Join("; ", commands)}. To undo it: {string.Join("; ", rollbacks)}.",
            Command = string.Join("; ", commands),
            RollbackCommand = string.Join("; ", rollbacks),
            PortalUrl = null,
            Fixes = [DiagnosticCodes.SmtpAuthDisabledForMailbox],
            Risk = Risk.Medium,
            RequiresApproval = true,
            RequiredRole = ExchangeAdministrator,
            SimulatedEffect = new GraphRequest("PATCH", endpoints.Graph(ExchangeOnlinePath), patch.ToString()),
            Effect = StepEffect.AllowSmtpAuth(state.MailboxBlocks, state.PolicyBlocks),
        };
    }

    /// <summary>
    /// A tenant-weakening change the plan does not make because no declared protocol says it would help (catalog v1.1
    /// §2, §6.4): a manual decision, high risk, behind an approval, with no request and no simulated effect.
    /// </summary>
    /// <summary>What a person does with a decision step: find the protocol, and only for one that still accepts app passwords, declare it.</summary>
    private static string DecisionInstructions(string upn, string otherwise) =>
        $"Find out which protocol the product uses with {upn}. Only if it is SMTP AUTH (or another protocol that still accepts app passwords) and you accept the cost: declare it (options.LegacyProtocols, or --legacy-protocol SMTP on the CLI) and diagnose again; the plan then holds the exact Graph request and its rollback. Otherwise {otherwise}.";

    private static PlanStep Decision(string id, Func<PlanStepText> explain, string url, string[] fixes, string role) => new(explain)
    {
        Id = id,
        Kind = PlanStepKind.Manual,
        PortalUrl = url,
        Fixes = fixes,
        DependsOn = [],
        Risk = Risk.High,
        RequiresApproval = true,
        RequiredPermissions = [],
        RequiredRole = role,
    };

    /// <summary>Whether the user holds a directory role, or may (membership not captured).</summary>
    private static bool HoldsOrMayHoldRole(UserEntry user) =>
        user.Sections.TransitiveMemberOf.Value is not { } memberOf || memberOf.Any(o => o.Kind == DirectoryObjectKind.DirectoryRole);

    private static RemediationPlan Finish(List<PlanStep> steps, IReadOnlyList<Finding> findings, List<Alternative> alternatives) => new()
    {
        Steps = steps,
        Advisories = findings.Where(f => f.Kind == FindingKind.Advisory).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToArray(),
        Alternatives = alternatives,
    };

    private static PlanStep Manual(string id, string title, string explanation, string instructions, string? url, string[] fixes, string[] dependsOn, string? permissions, string? role) =>
        Manual(id, new PlanStep { Title = title, Explanation = explanation, Instructions = instructions }, url, fixes, dependsOn, permissions, role);

    private static PlanStep Manual(string id, Func<PlanStepText> explain, string? url, string[] fixes, string[] dependsOn, string? permissions, string? role) =>
        Manual(id, new PlanStep(explain), url, fixes, dependsOn, permissions, role);

    private static PlanStep Manual(string id, PlanStep words, string? url, string[] fixes, string[] dependsOn, string? permissions, string? role) => new(words)
    {
        Id = id,
        Kind = PlanStepKind.Manual,
        PortalUrl = url,
        Fixes = fixes,
        DependsOn = dependsOn,
        Risk = Risk.Low,
        RequiredPermissions = permissions is null ? [] : permissions.Split(", "),
        RequiredRole = role,
    };

    private static string[] Present(HashSet<string> codes, params string[] candidates) => candidates.Where(codes.Contains).ToArray();

    private static string[] RequiredReadPermissions(IReadOnlyList<Finding> findings) => findings
        .Where(f => f.Code == DiagnosticCodes.DataNotCaptured)
        .SelectMany(f => f.RequiredPermissions)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// The one step of an indeterminate plan: grant the read permissions the missing sections need (from their evidence)
    /// and capture again; check by hand the values this version cannot interpret; fix the rules that failed.
    /// </summary>
    private static PlanStep ResolveMissingData(Finding[] causes, string upn, CloudEndpoints endpoints)
    {
        var permissions = RequiredReadPermissions(causes);
        var values = causes
            .Where(f => f.Code == DiagnosticCodes.DataNotCaptured && f.RequiredPermissions.Count == 0)
            .Select(f => LowerFirst(f.Title))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var rules = causes.Where(f => f.Code == DiagnosticCodes.RuleFailed).Select(f => f.Title).Distinct(StringComparer.Ordinal).ToArray();

        var instructions = new List<string>();
        if (permissions.Length > 0)
        {
            instructions.Add($"Grant the capturing application (or account) {string.Join(", ", permissions)}, then capture the snapshot again.");
        }

        if (values.Length > 0)
        {
            instructions.Add($"Check by hand in the portal what the snapshot could not tell ({string.Join("; ", values)}); capture again, or update the library.");
        }

        if (rules.Length > 0)
        {
            instructions.Add($"Fix or remove the failing rule ({string.Join("; ", rules)}).");
        }

        instructions.Add($"Then diagnose {upn} again.");
        return Manual(
            PlanStepIds.GrantPermissionsAndRecapture,
            permissions.Length > 0 ? "Grant the missing read permissions and capture the snapshot again" : "Resolve the data the diagnosis could not use, then diagnose again",
            $"The diagnosis of {upn} lacks data it needs, so no change can be planned safely yet.",
            string.Join(" ", instructions),
            endpoints.EntraAdminCenter,
            causes.Select(f => f.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            [],
            permissions.Length > 0 ? string.Join(", ", permissions) : null,
            permissions.Length > 0 ? "Privileged Role Administrator" : null);
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string ExcludeUsersBody(IEnumerable<string> ids) => $"{{\"conditions\":{{\"users\":{{\"excludeUsers\":{JsonArray(ids)}}}}}}}";

    private static string JsonArray(IEnumerable<string> values) => EvidenceValues.Strings(values);

    private static string JsonString(string value) => EvidenceValues.String(value);
}
