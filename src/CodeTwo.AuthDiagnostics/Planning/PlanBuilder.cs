using System.Globalization;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Diagnosis;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Rules.Catalog;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Planning;

/// <summary>
/// Writes the remediation plan from the facts-stage findings, following the catalog's step rules: per-user MFA
/// steps first, then the tenant changes (each high-risk one behind an approval), one wait, the user's manual step,
/// and a verification. Pure and deterministic: the same findings always give the same plan.
/// </summary>
internal static class PlanBuilder
{
    private const string AuthenticationPolicyAdministrator = "Authentication Policy Administrator";
    private const string ConditionalAccessAdministrator = "Conditional Access Administrator";
    private const string UserAdministrator = "User Administrator";

    public static RemediationPlan Build(SnapshotIndex index, UserEntry? user, string requestedUser, IReadOnlyList<Finding> findings, Verdict verdict, DiagnosticsSettings settings)
    {
        var endpoints = CloudEndpoints.For(index.Snapshot.Cloud);
        var codes = findings.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);

        // Only blockers get a fix: a code the host re-graded below blocker no longer drives the verdict, so changing the
        // tenant for it would contradict the verdict (an 'available' plan never holds a graph step).
        var blocking = findings.Where(f => f.Severity == Severity.Blocker).Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        var steps = new List<PlanStep>();
        var alternatives = new List<Alternative>
        {
            new(
                "Use modern authentication (OAuth) for the product",
                "Register the product as an application in Entra ID and grant it the Exchange Online permissions it needs. It then needs no app password, no per-user MFA exception and no Conditional Access exclusion, and keeps working after Basic authentication is gone.",
                Sources.EwsOAuth),
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
            return Finish(steps, findings, alternatives);
        }

        var changeSteps = new List<string>();
        bool perUser = blocking.Contains(DiagnosticCodes.PerUserMfaDisabled) || blocking.Contains(DiagnosticCodes.PerUserMfaEnabledNotEnforced);
        if (perUser)
        {
            var requirements = user.Sections.AuthenticationRequirements.Value!;
            string url = endpoints.Graph($"/beta/users/{userId}/authentication/requirements");
            string captured = JsonString(requirements.PerUserMfaStateValue);
            steps.Add(new PlanStep
            {
                Id = PlanStepIds.EnforcePerUserMfa,
                Kind = PlanStepKind.Graph,
                Title = $"Enforce per-user MFA for {upn}",
                Explanation = $"App password is offered only to users enforced for per-user MFA; the per-user MFA state of {upn} is {requirements.PerUserMfaStateValue}. This is the documented fix (the CodeTwo knowledge base's steps 5 and 6 in the portal). From now on the account does MFA at every interactive sign-in and its legacy clients need app passwords.",
                Fixes = Present(codes, DiagnosticCodes.PerUserMfaDisabled, DiagnosticCodes.PerUserMfaEnabledNotEnforced),
                Risk = Risk.Medium,
                RequiredPermissions = ["Policy.ReadWrite.AuthenticationMethod"],
                RequiredRole = AuthenticationPolicyAdministrator,
                Request = new GraphRequest("PATCH", url, "{\"perUserMfaState\":\"enforced\"}"),
                Rollback = new GraphRequest("PATCH", url, $"{{\"perUserMfaState\":{captured}}}"),
                Check = new StepCheck(url, "perUserMfaState", captured, "\"enforced\""),
            });
            steps.Add(new PlanStep
            {
                Id = PlanStepIds.RevokeSignInSessions,
                Kind = PlanStepKind.Graph,
                Title = $"Sign {upn} out of all sessions",
                Explanation = "Existing sessions keep the old state until they expire; revoking them makes the next sign-in pick up the enforced state (the knowledge base's 'Sign out of all sessions'). Running sessions of the product sign in again.",
                Fixes = [],
                DependsOn = [PlanStepIds.EnforcePerUserMfa],
                Risk = Risk.Low,
                RequiredPermissions = ["User.RevokeSessions.All"],
                RequiredRole = UserAdministrator,
                Request = new GraphRequest("POST", endpoints.Graph($"/v1.0/users/{userId}/revokeSignInSessions"), null),
                RollbackUnavailableReason = "Revoked sessions cannot be restored; the user simply signs in again.",
                Check = new StepCheck(
                    endpoints.Graph($"/v1.0/users/{userId}?$select=signInSessionsValidFromDateTime"),
                    "signInSessionsValidFromDateTime",
                    user.User.SignInSessionsValidFromDateTime is { } validFrom ? JsonString(Snapshots.Writing.SnapshotWriter.FormatInstant(validFrom)) : "null",
                    "\"an instant at or after the revocation\"",
                    StepCheckKind.InstantAfterWrite),
            });
            changeSteps.Add(PlanStepIds.RevokeSignInSessions);
        }

        if (blocking.Contains(DiagnosticCodes.AccountDisabled))
        {
            if (user.User.OnPremisesSyncEnabled == true)
            {
                steps.Add(Manual(
                    PlanStepIds.EnableAccountOnPremises,
                    $"Enable {upn} in on-premises Active Directory",
                    $"{upn} is synchronized from on-premises, so cloud changes to accountEnabled are overwritten; enable it where it is mastered and let synchronization run.",
                    "In Active Directory Users and Computers (or Enable-ADAccount), enable the account, then wait for the next Entra Connect synchronization cycle.",
                    null,
                    [DiagnosticCodes.AccountDisabled],
                    [],
                    null,
                    "Domain administrator (on premises)") with
                {
                    SimulatedEffect = new GraphRequest("PATCH", endpoints.Graph($"/v1.0/users/{userId}"), "{\"accountEnabled\":true}"),
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
                    RequiredRole = UserAdministrator,
                    Request = new GraphRequest("PATCH", url, "{\"accountEnabled\":true}"),
                    Rollback = new GraphRequest("PATCH", url, "{\"accountEnabled\":false}"),
                    Check = new StepCheck(url + "?$select=accountEnabled", "accountEnabled", "false", "true"),
                });
                changeSteps.Add(PlanStepIds.EnableAccount);
            }
        }

        if (blocking.Contains(DiagnosticCodes.SecurityDefaultsEnabled))
        {
            string url = endpoints.Graph("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy");
            steps.Add(new PlanStep
            {
                Id = PlanStepIds.DisableSecurityDefaults,
                Kind = PlanStepKind.Graph,
                Title = "Turn off security defaults",
                Explanation = "Security defaults block every legacy-authentication sign-in, so an app password cannot work while they are on. Trade-off: the whole tenant loses its MFA baseline unless Conditional Access policies replace it (that needs Entra ID P1), and such policies must not cover legacy clients for this account. Moving the product to modern authentication avoids this change entirely.",
                Fixes = [DiagnosticCodes.SecurityDefaultsEnabled],
                Risk = Risk.High,
                RequiresApproval = true,
                RequiredPermissions = ["Policy.ReadWrite.SecurityDefaults"],
                RequiredRole = ConditionalAccessAdministrator,
                Request = new GraphRequest("PATCH", url, "{\"isEnabled\":false}"),
                Rollback = new GraphRequest("PATCH", url, "{\"isEnabled\":true}"),
                Check = new StepCheck(url, "isEnabled", "true", "false"),
            });
            changeSteps.Add(PlanStepIds.DisableSecurityDefaults);
        }

        var blockingPolicies = findings
            .Where(f => f.Code is DiagnosticCodes.LegacyAuthBlockedByConditionalAccess or DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients && f.PolicyId is not null && f.Severity == Severity.Blocker)
            .Select(f => f.PolicyId!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => index.FindPolicy(id) ?? throw new InvalidOperationException($"A finding names Conditional Access policy '{id}', which the index does not hold."))
            .OrderBy(p => p.Policy.Index);
        foreach (var facts in blockingPolicies)
        {
            var policy = facts.Policy;
            string url = endpoints.Graph($"/v1.0/identity/conditionalAccess/policies/{policy.Id}");
            var before = policy.Conditions.Users.ExcludeUsers;
            var after = before.Append(userId).ToArray();
            var fixes = findings.Where(f => f.PolicyId == policy.Id && f.Code is DiagnosticCodes.LegacyAuthBlockedByConditionalAccess or DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients).Select(f => f.Code).Distinct().ToArray();
            string id = PlanStepIds.ExcludeFromPolicyPrefix + policy.Id;
            steps.Add(new PlanStep
            {
                Id = id,
                Kind = PlanStepKind.Graph,
                Title = $"Exclude {upn} from Conditional Access policy {facts.QuotedName}",
                Explanation = $"The policy stops {upn}'s app-password sign-ins. Trade-off: the policy no longer protects this account at all (every client type, every resource it targets), so the account relies on its password and per-user MFA. Prefer modern authentication for the product; if you exclude the account, give it a long random password and monitor its sign-ins." +
                    (policy.DisplayName?.StartsWith("Microsoft-managed", StringComparison.OrdinalIgnoreCase) == true ? " This is a Microsoft-managed policy: only its state and exclusions can be edited." : string.Empty),
                Fixes = fixes,
                Risk = Risk.High,
                RequiresApproval = true,
                RequiredPermissions = ["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"],
                RequiredRole = ConditionalAccessAdministrator,
                Request = new GraphRequest("PATCH", url, ExcludeUsersBody(after)),
                Rollback = new GraphRequest("PATCH", url, ExcludeUsersBody(before)),
                Check = new StepCheck(url, "conditions.users.excludeUsers", JsonArray(before), JsonArray(after)),
            });
            changeSteps.Add(id);
        }

        if (steps.Count == 0)
        {
            // Nothing to change (available, or blocked by something no tenant change fixes).
            AddSwitchCheck(steps, codes, endpoints, []);
            return Finish(steps, findings, alternatives);
        }

        string? switchStep = AddSwitchCheck(steps, codes, endpoints, []);
        int waitMinutes = (int)Math.Ceiling(settings.PropagationWait.TotalMinutes);
        var waitDependsOn = changeSteps.Where(s => s != PlanStepIds.EnforcePerUserMfa).ToArray();
        steps.Add(new PlanStep
        {
            Id = PlanStepIds.WaitForPropagation,
            Kind = PlanStepKind.Wait,
            Title = waitMinutes == 1 ? "Wait 1 minute for the changes to propagate" : string.Create(CultureInfo.InvariantCulture, $"Wait {waitMinutes} minutes for the changes to propagate"),
            Explanation = "Token revocation and policy changes can take a few minutes to reach every service; Security info sessions last up to 15 minutes.",
            DependsOn = waitDependsOn,
            Risk = Risk.Low,
            WaitMinutes = waitMinutes,
        });

        string last = PlanStepIds.WaitForPropagation;
        if (perUser)
        {
            bool needsMethod = codes.Contains(DiagnosticCodes.NoMfaMethodRegistered);
            bool registrationBlocked = codes.Contains(DiagnosticCodes.SecurityInfoRegistrationBlocked);
            steps.Add(Manual(
                PlanStepIds.UserAddsAppPassword,
                $"{upn} signs in to Security info and adds an App password",
                "Only the user can create an app password (no API exists). The option appears once the enforced state has reached the user's new session.",
                $"Sign in as {upn} at {endpoints.SecurityInfoUrl}" +
                    (needsMethod ? ", register an MFA method (for example Microsoft Authenticator) when asked" : ", complete MFA") +
                    ", choose Add sign-in method > App password, name it after the product, and copy the generated password into the product's connection settings." +
                    (registrationBlocked ? " A Conditional Access policy blocks registering security info outside trusted locations: do this from the office network." : string.Empty),
                endpoints.SecurityInfoUrl,
                Present(codes, DiagnosticCodes.NoMfaMethodRegistered),
                switchStep is null ? [last] : [last, switchStep],
                null,
                null));
            last = PlanStepIds.UserAddsAppPassword;
        }

        var verified = findings.Where(f => f.Severity == Severity.Blocker).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToArray();
        steps.Add(new PlanStep
        {
            Id = PlanStepIds.Verify,
            Kind = PlanStepKind.Verify,
            Title = "Capture again and confirm App password is available and usable",
            Explanation = "Re-reads the tenant, diagnoses the user again and succeeds when the blockers below are gone.",
            Fixes = verified,
            DependsOn = switchStep is null || perUser ? [last] : [last, switchStep],
            Risk = Risk.Low,
            RequiredPermissions = ["Policy.Read.All", "User.Read.All", "UserAuthenticationMethod.Read.All", "GroupMember.Read.All"],
            RequiredRole = "Global Reader",
        });

        return Finish(steps, findings, alternatives);
    }

    private static string? AddSwitchCheck(List<PlanStep> steps, HashSet<string> codes, CloudEndpoints endpoints, string[] dependsOn)
    {
        bool off = codes.Contains(DiagnosticCodes.AppPasswordsDisabledForTenant);
        if (!off && !codes.Contains(DiagnosticCodes.TenantAppPasswordSettingUnknown))
        {
            return null;
        }

        steps.Add(Manual(
            PlanStepIds.AppPasswordSwitch,
            off ? "Turn on 'Allow users to create app passwords'" : "Check that 'Allow users to create app passwords' is on",
            off
                ? "The tenant-wide MFA service setting is off, so nobody is offered App password. No supported API changes it. Turning it on lets every per-user-MFA-enforced user create app passwords; Microsoft recommends pairing app passwords with tight Conditional Access elsewhere."
                : "The tenant-wide switch could not be read (no supported API exposes it). If it is off, nobody is offered App password.",
            "Entra admin center > Entra ID > Multifactor authentication > Additional cloud-based MFA settings (or Users > Per-user MFA > Service settings): under App passwords, select 'Allow users to create app passwords to sign in to non-browser apps', then Save.",
            endpoints.LegacyMfaPortal + "/UserManagement/MfaSettings.aspx",
            off ? [DiagnosticCodes.AppPasswordsDisabledForTenant] : [DiagnosticCodes.TenantAppPasswordSettingUnknown],
            dependsOn,
            null,
            AuthenticationPolicyAdministrator) with
        {
            SimulatedEffect = off ? new GraphRequest("PATCH", endpoints.Graph("/beta/policies/mfaServicePolicy"), "{\"allowAppPasswords\":true}") : null,
        });
        return PlanStepIds.AppPasswordSwitch;
    }

    private static RemediationPlan Finish(List<PlanStep> steps, IReadOnlyList<Finding> findings, List<Alternative> alternatives) => new()
    {
        Steps = steps,
        Advisories = findings.Where(f => f.Kind == FindingKind.Advisory).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToArray(),
        Alternatives = alternatives,
    };

    private static PlanStep Manual(string id, string title, string explanation, string instructions, string? url, string[] fixes, string[] dependsOn, string? permissions, string? role) => new()
    {
        Id = id,
        Kind = PlanStepKind.Manual,
        Title = title,
        Explanation = explanation,
        Instructions = instructions,
        PortalUrl = url,
        Fixes = fixes,
        DependsOn = dependsOn,
        Risk = Risk.Low,
        RequiredPermissions = permissions is null ? [] : permissions.Split(", "),
        RequiredRole = role,
    };

    private static string[] Present(HashSet<string> codes, params string[] candidates) => candidates.Where(codes.Contains).ToArray();

    private static string[] RequiredReadPermissions(IReadOnlyList<Finding> findings)
    {
        var permissions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var finding in findings.Where(f => f.Code == DiagnosticCodes.DataNotCaptured))
        {
            foreach (var evidence in finding.Evidence)
            {
                // Evidence of a missing section: expected "captured (Permission)"; actual may name the failed request's permissions.
                if (evidence.Expected.StartsWith("captured (", StringComparison.Ordinal))
                {
                    permissions.UnionWith(evidence.Expected["captured (".Length..^1].Split(", "));
                }

                if (evidence.ActualJson is { } actual && actual.Contains("requiredPermissions", StringComparison.Ordinal))
                {
                    using var document = JsonDocument.Parse(actual);
                    if (document.RootElement.TryGetProperty("requiredPermissions", out var list))
                    {
                        foreach (var permission in list.EnumerateArray())
                        {
                            permissions.Add(permission.GetString()!);
                        }
                    }
                }
            }
        }

        return permissions.ToArray();
    }

    /// <summary>
    /// The one step of an indeterminate plan: grant the read permissions the missing sections need (from their evidence)
    /// and capture again; check by hand the values this version cannot interpret; fix the rules that failed.
    /// </summary>
    private static PlanStep ResolveMissingData(Finding[] causes, string upn, CloudEndpoints endpoints)
    {
        var permissions = RequiredReadPermissions(causes);
        var values = causes
            .Where(f => f.Code == DiagnosticCodes.DataNotCaptured && !f.Evidence.Any(e => e.Expected.StartsWith("captured (", StringComparison.Ordinal)))
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
