using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW013, APW020, APW021, APW022, APW023, APW024: what the tenant's Conditional Access policies do to this user's
/// app-password sign-ins; and APW090 when a directory role captured without <c>roleTemplateId</c> leaves the scope of
/// a blocking role-scoped policy unknown (catalog v1.1 §3). One pass over the pre-classified policies; each scope check
/// is a few hash lookups.
/// </summary>
internal sealed class ConditionalAccessRule : CatalogRule
{
    private static readonly DiagnosticDescriptor MfaFromCa = DiagnosticCatalog.MfaOnlyFromConditionalAccess;
    private static readonly DiagnosticDescriptor Blocked = DiagnosticCatalog.LegacyAuthBlockedByConditionalAccess;
    private static readonly DiagnosticDescriptor Unsatisfiable = DiagnosticCatalog.ConditionalAccessGrantUnsatisfiableByLegacyClients;
    private static readonly DiagnosticDescriptor ReportOnly = DiagnosticCatalog.ReportOnlyPolicyWouldBlock;
    private static readonly DiagnosticDescriptor MayApply = DiagnosticCatalog.ConditionalAccessPolicyMayApply;
    private static readonly DiagnosticDescriptor Registration = DiagnosticCatalog.SecurityInfoRegistrationBlocked;

    public override string Id => "conditional-access";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [MfaFromCa, Blocked, Unsatisfiable, ReportOnly, MayApply, Registration];

    /// <summary>The permission without which Graph leaves <c>roleTemplateId</c> out of <c>transitiveMemberOf</c>.</summary>
    private const string RoleManagementPermission = "RoleManagement.Read.Directory";

    public override void Evaluate(RuleContext context)
    {
        var requirements = context.User!.Sections.AuthenticationRequirements.Value;
        string upn = context.UserName;
        string resource = context.Settings.TargetsExchangeOnline ? "Exchange Online" : $"the target resource ({context.Settings.TargetResourceAppId})";
        var index = context.Index;
        var scopes = index.Scopes;
        var classes = index.Classes;
        int words = scopes.Words;
        Span<ulong> sets = words <= 64 ? stackalloc ulong[6 * words] : new ulong[6 * words];
        var applies = sets[..words];
        var unknown = sets.Slice(words, words);
        scopes.Evaluate(context.User!, applies, unknown, sets[(2 * words)..]);

        List<PolicyFacts>? unknownScope = null;
        if (context.User!.Sections.TransitiveMemberOf.IsCaptured && index.ConditionalAccessNeeded && PolicyBits.Intersects(unknown, classes.RoleScopedBlock))
        {
            unknownScope = [];
            foreach (int bit in PolicyBits.Common(unknown, classes.RoleScopedBlock))
            {
                unknownScope.Add(index.Policies[bit]);
            }
        }

        foreach (int bit in PolicyBits.Common(applies, classes.Considered))
        {
            var policy = index.Policies[bit];
            var state = policy.Policy.State;
            string name = policy.QuotedName;
            string statePath = policy.StatePointer;

            if (state == ConditionalAccessPolicyState.Enabled && policy.TargetsSecurityInfoRegistration && policy.Blocks)
            {
                context.Report(
                    DiagnosticCodes.SecurityInfoRegistrationBlocked,
                    () => new FindingText(
                        $"Policy {name} blocks registering security info for {upn}",
                        $"The enabled policy {name} blocks the user action 'register security info' for {upn}" +
                        (policy.Policy.Conditions.SignInDependentConditions.Count > 0 ? $" under some conditions ({string.Join(", ", policy.Policy.Conditions.SignInDependentConditions)}, usually outside trusted locations)" : string.Empty) +
                        ". The user may be unable to add the app password from where they are; have them add it from a trusted location.",
                        [new Evidence(PolicyPath(policy, "conditions/applications/includeUserActions"), EvidenceValues.Strings(policy.Policy.Conditions.Applications.IncludeUserActions), "no block of urn:user:registersecurityinfo where the user signs in")]),
                    policy.Policy.Id);
            }

            if (!policy.TargetsResource)
            {
                continue;
            }

            if (state == ConditionalAccessPolicyState.Enabled && policy.RequiresMfa && requirements is { PerUserMfaState: not PerUserMfaState.Enforced and not PerUserMfaState.Unknown })
            {
                context.Report(
                    DiagnosticCodes.MfaOnlyFromConditionalAccess,
                    () => new FindingText(
                        $"MFA for {upn} comes from Conditional Access policy {name}, not from per-user MFA",
                        $"The enabled policy {name} requires MFA for {upn}, so MFA works although the per-user MFA state is {requirements.PerUserMfaStateValue}. Microsoft offers App password only to users enforced for per-user MFA, never to users whose MFA comes from Conditional Access.",
                        [
                            new Evidence(statePath, policy.StateJson, "informational"),
                            new Evidence(PolicyPath(policy, "grantControls/builtInControls"), EvidenceValues.Strings(policy.Policy.GrantControls?.BuiltInControlValues ?? []), "informational"),
                        ]),
                    policy.Policy.Id);
            }

            if (policy.Coverage == ClientCoverage.None || !(policy.Blocks || policy.UnsatisfiableGrants.Count > 0))
            {
                continue;
            }

            var evidence = policy.PolicyEvidence(PolicyEvidence);
            string effect = policy.LegacyEffect;

            if (state is ConditionalAccessPolicyState.EnabledForReportingButNotEnforced)
            {
                context.Report(
                    DiagnosticCodes.ReportOnlyPolicyWouldBlock,
                    () => new FindingText(
                        $"Report-only policy {name} would block app-password sign-ins of {upn}",
                        $"The policy {name} is report-only today, so it does not block yet; once it is turned on it {effect} and the product's app-password sign-ins of {upn} will fail. Exclude the account before enabling it.",
                        [new Evidence(statePath, policy.StateJson, "the policy stays report-only, or the user is excluded before it is enabled"), .. evidence]),
                    policy.Policy.Id);
                continue;
            }

            if (state != ConditionalAccessPolicyState.Enabled)
            {
                context.Report(
                    DiagnosticCodes.DataNotCaptured,
                    () => new FindingText(
                        $"Policy {name} has a state this version does not know",
                        $"The policy {name} would affect {upn}'s app-password sign-ins ({effect}), but its state {policy.Policy.StateValue} is not one this version of the library can interpret.",
                        [new Evidence(statePath, EvidenceValues.String(policy.Policy.StateValue), "\"enabled\", \"disabled\" or \"enabledForReportingButNotEnforced\"")]),
                    policy.Policy.Id);
                continue;
            }

            bool easOnlyUndeclared = policy.Coverage == ClientCoverage.ExchangeActiveSyncOnly && !context.Settings.LegacyProtocols.HasFlag(LegacyProtocols.ExchangeActiveSync);
            var conditions = policy.Policy.Conditions.SignInDependentConditions;
            if (conditions.Count > 0 || easOnlyUndeclared)
            {
                string why = conditions.Count > 0
                    ? policy.SignInDependence
                    : "it covers only Exchange ActiveSync clients, and the host does not declare EAS";
                context.Report(
                    DiagnosticCodes.ConditionalAccessPolicyMayApply,
                    () => new FindingText(
                        $"Policy {name} may block app-password sign-ins of {upn}",
                        $"The enabled policy {name} {effect} for {upn}, but {why}. Check that the product's sign-ins fall outside it, or exclude the account.",
                        evidence),
                    policy.Policy.Id);
                continue;
            }

            if (policy.Blocks)
            {
                context.Report(
                    DiagnosticCodes.LegacyAuthBlockedByConditionalAccess,
                    () => new FindingText(
                        $"Conditional Access policy {name} blocks legacy authentication for {upn}",
                        $"The enabled policy {name} applies to {upn} and {resource}, covers legacy client types and grants 'block'. An app password is only used by legacy clients, so every sign-in with it will be refused.",
                        evidence),
                    policy.Policy.Id);
            }
            else
            {
                context.Report(
                    DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients,
                    () => new FindingText(
                        $"Conditional Access policy {name} requires {string.Join(" and ", policy.UnsatisfiableGrants)}, which legacy clients cannot satisfy",
                        $"The enabled policy {name} applies to {upn} and {resource} for every client type, including legacy clients, and {effect}. Legacy-authentication sign-ins, and so app-password sign-ins, are blocked by such a policy.",
                        evidence),
                    policy.Policy.Id);
            }
        }

        if (unknownScope is not null)
        {
            ReportUnknownRoles(context, context.UserFacts!, unknownScope);
        }
    }

    private static void ReportUnknownRoles(RuleContext context, UserFacts facts, List<PolicyFacts> policies)
    {
        var entry = facts.Entry;
        string upn = context.UserName;
        var evidence = new List<Evidence>(facts.UnknownRoles.Count + policies.Count);
        foreach (var role in facts.UnknownRoles)
        {
            evidence.Add(new Evidence(
                JsonPointer.User(entry.Index, "sections", "transitiveMemberOf", "value", role.Index, "roleTemplateId"),
                null,
                $"captured ({RoleManagementPermission})"));
        }

        foreach (var policy in policies)
        {
            var users = policy.Policy.Conditions.Users;
            string member = users.IncludeRoles.Count > 0 ? "includeRoles" : "excludeRoles";
            evidence.Add(new Evidence(
                PolicyPath(policy, "conditions/users/" + member),
                EvidenceValues.Strings(member == "includeRoles" ? users.IncludeRoles : users.ExcludeRoles),
                "informational"));
        }

        string names = string.Join(", ", policies.Select(p => p.QuotedName));
        string roles = facts.UnknownRoles.Count == 1 ? "a directory role" : $"{facts.UnknownRoles.Count} directory roles";
        context.ReportMissingData(
            DiagnosticCodes.DataNotCaptured,
            () => new FindingText(
                $"The directory roles of {upn} could not be read, and role-scoped Conditional Access decides the verdict",
                $"{upn} holds {roles} whose roleTemplateId the snapshot lacks (Graph leaves it out of transitiveMemberOf unless the capture has {RoleManagementPermission}). " +
                $"The enabled {(policies.Count == 1 ? "policy" : "policies")} {names} {(policies.Count == 1 ? "includes or excludes" : "include or exclude")} directory roles and would block {upn}'s app-password sign-ins if {(policies.Count == 1 ? "it applies" : "they apply")}, so the diagnosis cannot tell whether they do. " +
                $"Grant the capture {RoleManagementPermission} and capture again.",
                evidence),
            [RoleManagementPermission]);
    }

    /// <summary>A pointer below the policy, from its precomputed base (the segments here are plain names: no escaping needed).</summary>
    private static string PolicyPath(PolicyFacts policy, string tail) => policy.Pointer + "/" + tail;

    /// <summary>
    /// The facts that make the policy bite: its client app types, the grant controls a legacy client cannot satisfy (each
    /// at its own place), and the exclusion list the fix changes. Each actual value is what the snapshot holds there.
    /// </summary>
    private static Evidence[] PolicyEvidence(PolicyFacts policy)
    {
        var json = policy.Policy.Json;
        var grant = policy.Policy.GrantControls!;
        var evidence = new List<Evidence>
        {
            new(PolicyPath(policy, "conditions/clientAppTypes"), EvidenceValues.At(json, "conditions", "clientAppTypes"), "no legacy client type (all, other, exchangeActiveSync)"),
        };
        if (policy.Blocks)
        {
            evidence.Add(new Evidence(PolicyPath(policy, "grantControls/builtInControls"), EvidenceValues.Strings(grant.BuiltInControlValues), "no \"block\" for this user"));
        }
        else
        {
            const string Satisfiable = "no grant requirement a legacy client cannot satisfy";
            if (grant.BuiltInControls.Count > 0)
            {
                evidence.Add(new Evidence(PolicyPath(policy, "grantControls/builtInControls"), EvidenceValues.Strings(grant.BuiltInControlValues), Satisfiable));
            }

            if (grant.HasAuthenticationStrength)
            {
                evidence.Add(new Evidence(
                    PolicyPath(policy, "grantControls/authenticationStrength"),
                    grant.AuthenticationStrengthName is { } strength ? $"{{\"displayName\":{EvidenceValues.String(strength)}}}" : EvidenceValues.At(json, "grantControls", "authenticationStrength"),
                    Satisfiable));
            }

            if (grant.TermsOfUse.Count > 0)
            {
                evidence.Add(new Evidence(PolicyPath(policy, "grantControls/termsOfUse"), EvidenceValues.Strings(grant.TermsOfUse), Satisfiable));
            }

            if (grant.CustomAuthenticationFactors.Count > 0)
            {
                evidence.Add(new Evidence(PolicyPath(policy, "grantControls/customAuthenticationFactors"), EvidenceValues.Strings(grant.CustomAuthenticationFactors), Satisfiable));
            }
        }

        evidence.Add(new Evidence(PolicyPath(policy, "conditions/users/excludeUsers"), EvidenceValues.At(json, "conditions", "users", "excludeUsers"), "the user's id excluded"));
        return evidence.ToArray();
    }
}
