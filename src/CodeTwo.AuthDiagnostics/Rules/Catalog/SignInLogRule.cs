using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW071, APW072, APW073, APW074, APW076 (catalog v1.2 §3): what the sign-in log showed the last time the product
/// signed in over each declared protocol. Each observation (the newest counted sign-in of a protocol, once per distinct
/// sign-in) fires the code its <c>status.errorCode</c> maps to, with <see cref="Confidence.Observed"/>. Configuration is
/// now and sign-ins are the past: a block by Conditional Access or security defaults is a blocker only while what blocked
/// it is still in force (or cannot be seen); otherwise a warning. APW075 (success) is <see cref="SignInSucceededRule"/>'s.
/// </summary>
internal sealed class SignInLogRule : CatalogRule
{
    public override string Id => "sign-in-log";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors =>
    [
        DiagnosticCatalog.LegacySignInsBlockedByConditionalAccess,
        DiagnosticCatalog.LegacySignInsBlockedBySecurityDefaults,
        DiagnosticCatalog.AccountPasswordUsedByLegacyClient,
        DiagnosticCatalog.LegacySignInCredentialsRejected,
        DiagnosticCatalog.LegacySignInsFailed,
    ];

    public override void Evaluate(ref RuleContext context)
    {
        var entry = context.User!;
        Span<int> newest = stackalloc int[SignInLog.Groups];
        if (SignInLog.Observe(entry, context.Settings.LegacyProtocols, newest) is not { } signIns)
        {
            return;
        }

        for (int g = -1; SignInLog.NextObservation(newest, ref g, out int index);)
        {
            var signIn = signIns[index];
            if (signIn.ErrorCode == 0)
            {
                continue; // success: APW075, the outcome stage's
            }

            var state = new Observation(context.UserName, entry, signIn, SignInLog.GroupsOf(newest, index), context.Settings.LegacyProtocols == LegacyProtocols.None);
            switch (SignInLog.CodeFor(signIn.ErrorCode))
            {
                case DiagnosticCodes.LegacySignInsBlockedByConditionalAccess:
                    bool policyBlocks = ConditionalAccessStillBlocks(context.Index, entry.User.Id, signIn, context.Changes);
                    context.ReportEvidenced(DiagnosticCodes.LegacySignInsBlockedByConditionalAccess, (state, policyBlocks, context.Index), static s => BlockedByConditionalAccess(s.state, s.policyBlocks, s.Index), Confidence.Observed, policyBlocks ? Severity.Blocker : Severity.Warning);
                    break;
                case DiagnosticCodes.LegacySignInsBlockedBySecurityDefaults:
                    bool defaultsBlock = SecurityDefaultsStillBlock(context.Snapshot, context.Changes);
                    context.ReportEvidenced(DiagnosticCodes.LegacySignInsBlockedBySecurityDefaults, (state, defaultsBlock, context.Snapshot), static s => BlockedBySecurityDefaults(s.state, s.defaultsBlock, s.Snapshot), Confidence.Observed, defaultsBlock ? Severity.Blocker : Severity.Warning);
                    break;
                case DiagnosticCodes.AccountPasswordUsedByLegacyClient:
                    context.ReportEvidenced(DiagnosticCodes.AccountPasswordUsedByLegacyClient, state, AccountPasswordUsed, Confidence.Observed);
                    break;
                case DiagnosticCodes.LegacySignInCredentialsRejected:
                    context.ReportEvidenced(DiagnosticCodes.LegacySignInCredentialsRejected, state, CredentialsRejected, Confidence.Observed);
                    break;
                case DiagnosticCodes.LegacySignInsFailed:
                    context.ReportEvidenced(DiagnosticCodes.LegacySignInsFailed, state, Failed, Confidence.Observed);
                    break;
            }
        }
    }

    /// <summary>
    /// APW071 is a blocker while at least one policy the sign-in names (result <c>failure</c>) is in the snapshot with
    /// <c>state</c> <c>enabled</c>, while the Conditional Access section is not captured or failed, or when the sign-in
    /// names no policy (catalog v1.2 §3, §5.4). The rule reads the policy's state, not the user's scope, with one
    /// exception that keeps the plan, the counterfactual and a later capture in agreement: a policy whose
    /// <c>excludeUsers</c> names the user's id (the plan's own fix, or the same fix made since the sign-in) no longer
    /// blocks the product.
    /// </summary>
    internal static bool ConditionalAccessStillBlocks(SnapshotIndex index, string userId, SignIn signIn, SimulatedChanges changes)
    {
        if (!index.Snapshot.Sections.ConditionalAccessPolicies.IsCaptured)
        {
            return true;
        }

        bool named = false;
        foreach (var applied in SignInLog.FailedPolicies(signIn))
        {
            named = true;
            if (index.FindCapturedPolicy(applied.Id) is { State: ConditionalAccessPolicyState.Enabled } policy
                && !PolicyScopes.Contains(changes.ExcludedFromPolicies, policy.Id) && !PolicyScopes.Contains(policy.Conditions.Users.ExcludeUsers, userId))
            {
                return true;
            }
        }

        return !named;
    }

    /// <summary>APW072 is a blocker while security defaults are enabled, or their section is not captured or failed, and the plan does not turn them off.</summary>
    internal static bool SecurityDefaultsStillBlock(TenantSnapshot snapshot, SimulatedChanges changes) =>
        !changes.SecurityDefaultsOff && snapshot.Sections.SecurityDefaults is var section && (!section.IsCaptured || section.Value.IsEnabled);

    /// <summary>What an observation's words need: the user, the sign-in and the protocol groups it is the newest of.</summary>
    internal readonly record struct Observation(string Upn, UserEntry Entry, SignIn SignIn, int Groups, bool NoneDeclared)
    {
        public string Protocols => SignInLog.ProtocolNames(Groups);

        /// <summary>"On 2026-12-05 14:03 UTC, the product's sign-in of backup@contoso.com over SMTP AUTH (log: Authenticated SMTP)".</summary>
        public string Sentence =>
            $"On {SignInLog.When(SignIn)}, a sign-in of {Upn} over {Protocols} (the log's client app: {SignIn.ClientAppUsed})";

        /// <summary>With no protocol declared the finding says which one it saw, so that the admin learns what to declare (catalog v1.2 §5.6).</summary>
        public string DeclareHint => NoneDeclared
            ? $" No legacy protocol is declared: this sign-in shows the product uses {Protocols}; declare it so the diagnosis checks that protocol."
            : string.Empty;

        public Evidence[] Evidence(string expectedCode) =>
        [
            new(Pointer("status", "errorCode"), SignIn.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), expectedCode),
            new(Pointer("createdDateTime"), EvidenceValues.Property(SignIn.Json, "createdDateTime"), "informational"),
            new(Pointer("clientAppUsed"), EvidenceValues.Property(SignIn.Json, "clientAppUsed"), "informational"),
        ];

        public string Pointer(params object[] tail) => JsonPointer.User(Entry.Index, ["sections", "signIns", "value", SignIn.Index, .. tail]);
    }

    private static FindingText BlockedByConditionalAccess(Observation o, bool blocks, SnapshotIndex index)
    {
        var named = SignInLog.FailedPolicies(o.SignIn).ToArray();
        string names = named.Length == 0
            ? "no policy by name (the log lists none with result 'failure'; the account that read it may lack Policy.Read.ConditionalAccess)"
            : string.Join(", ", named.Select(p => $"'{p.DisplayName ?? p.Id}' ({p.Id})"));
        string now;
        if (blocks)
        {
            now = named.Length == 0
                ? "Find the blocking policy in the sign-in's details (Entra admin center > Sign-in logs > Conditional Access) and exclude the product's account from it, or move the product to modern authentication."
                : "The policy is still enabled, so the product's sign-ins keep failing: exclude the product's account from it (see the plan), or move the product to modern authentication.";
        }
        else
        {
            now = "None of these policies blocks the account any more (turned off, report-only or deleted since, or the account excluded from it), so this no longer blocks; sign in with the product again to confirm.";
        }

        var evidence = new List<Evidence>(o.Evidence("0"));
        foreach (var p in named)
        {
            evidence.Add(new Evidence(o.Pointer("appliedConditionalAccessPolicies", p.Index, "result"), EvidenceValues.String(p.Result), "informational"));
            var policy = index.FindCapturedPolicy(p.Id);
            evidence.Add(policy is null
                ? new Evidence(o.Pointer("appliedConditionalAccessPolicies", p.Index, "id"), EvidenceValues.String(p.Id), "a policy of the captured Conditional Access section")
                : new Evidence(JsonPointer.TenantSection("conditionalAccessPolicies", "value", policy.Index, "state"), EvidenceValues.String(policy.StateValue), "not \"enabled\" for this account"));
        }

        return new FindingText(
            blocks
                ? $"Conditional Access blocked {o.Upn}'s last sign-in over {o.Protocols} (error 53003)"
                : $"Conditional Access blocked {o.Upn}'s last sign-in over {o.Protocols} (error 53003), but that no longer applies",
            $"{o.Sentence} was blocked by Conditional Access with error 53003{SignInLog.Reason(o.SignIn)}. The log names {names}. {now}{o.DeclareHint}",
            evidence);
    }

    private static FindingText BlockedBySecurityDefaults(Observation o, bool blocks, TenantSnapshot snapshot) => new(
        blocks
            ? $"Security defaults blocked {o.Upn}'s last sign-in over {o.Protocols} (error 530035)"
            : $"Security defaults blocked {o.Upn}'s last sign-in over {o.Protocols} (error 530035), but they are off now",
        $"{o.Sentence} was blocked by security defaults with error 530035{SignInLog.Reason(o.SignIn)}: security defaults refuse every legacy-authentication sign-in, app passwords included. " +
            (blocks
                ? "They are still on, so the product's sign-ins keep failing: turning them off has a security cost for the whole tenant (see the plan); moving the product to modern authentication avoids it."
                : "Security defaults have been turned off since, so this no longer blocks; sign in with the product again to confirm.") + o.DeclareHint,
        [.. o.Evidence("0"), DefaultsEvidence(o.Entry, snapshot)]);

    private static Evidence DefaultsEvidence(UserEntry entry, TenantSnapshot snapshot)
    {
        _ = entry;
        var section = snapshot.Sections.SecurityDefaults;
        return section.Value is { } policy
            ? new Evidence(JsonPointer.TenantSection("securityDefaults", "value", "isEnabled"), EvidenceValues.Property(policy.Json, "isEnabled"), "false")
            : new Evidence(JsonPointer.TenantSection("securityDefaults", "status"), EvidenceValues.String(Snapshots.Reading.GraphEnums.Status.ToText(section.Status)), "\"captured\"");
    }

    private static FindingText AccountPasswordUsed(Observation o) => new(
        $"The product sent {o.Upn}'s own password, not an app password (error {o.SignIn.ErrorCode})",
        $"{o.Sentence} was refused with error {o.SignIn.ErrorCode}{SignInLog.Reason(o.SignIn)}: Microsoft Entra ID required MFA for the account, which a legacy client cannot perform. The product signed in with the account's own password; a legacy client must send an app password instead. " +
            $"Have {o.Upn} create an app password on the Security info page and enter it in the product's connection settings in place of the account's password.{o.DeclareHint}",
        o.Evidence("0"));

    private static FindingText CredentialsRejected(Observation o) => new(
        $"The password the product sends for {o.Upn} is wrong (error 50126)",
        $"{o.Sentence} was refused with error 50126{SignInLog.Reason(o.SignIn)}: the user name or password is invalid. The product sends a password Microsoft Entra ID does not accept, usually an app password that was deleted (or regenerated) or mistyped. " +
            $"Have {o.Upn} create a new app password on the Security info page and enter it in the product's connection settings.{o.DeclareHint}",
        o.Evidence("0"));

    private static FindingText Failed(Observation o) => new(
        $"{o.Upn}'s last sign-in over {o.Protocols} failed with error {o.SignIn.ErrorCode}",
        $"{o.Sentence} failed with error {o.SignIn.ErrorCode}{SignInLog.Reason(o.SignIn)}. Look the code up in Microsoft Entra's sign-in error codes ({Sources.SignInErrorCodes}) and the sign-in's details in the Entra admin center before changing anything.{o.DeclareHint}",
        o.Evidence("0"));
}
