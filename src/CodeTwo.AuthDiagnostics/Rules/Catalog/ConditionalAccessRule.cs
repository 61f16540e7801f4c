using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW013, APW020, APW021, APW022, APW023, APW024: what the tenant's Conditional Access policies do to this user's
/// app-password sign-ins; and APW090 when a policy has a state this version does not know, or when a directory role
/// captured without <c>roleTemplateId</c> leaves the scope of a blocking role-scoped policy unknown (catalog v1.1 §3).
/// Each policy is classified once per snapshot (<see cref="PolicyClasses"/>: what it would do once it applies); for a
/// user, the policies that apply (<see cref="PolicyScopes"/>, minus those the plan excludes the user from) are
/// intersected with each class once: assessing tests the intersection, diagnosing reports each policy of it.
/// </summary>
internal sealed class ConditionalAccessRule : CatalogRule
{
    /// <summary>The permission without which Graph leaves <c>roleTemplateId</c> out of <c>transitiveMemberOf</c>.</summary>
    private const string RoleManagementPermission = "RoleManagement.Read.Directory";

    private static readonly string[] RoleManagement = [RoleManagementPermission];

    public override string Id => "conditional-access";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors =>
    [
        DiagnosticCatalog.MfaOnlyFromConditionalAccess,
        DiagnosticCatalog.LegacyAuthBlockedByConditionalAccess,
        DiagnosticCatalog.ConditionalAccessGrantUnsatisfiableByLegacyClients,
        DiagnosticCatalog.ReportOnlyPolicyWouldBlock,
        DiagnosticCatalog.ConditionalAccessPolicyMayApply,
        DiagnosticCatalog.SecurityInfoRegistrationBlocked,
        DiagnosticCatalog.ConditionalAccessEvaluationDisagrees,
    ];

    public override void Evaluate(ref RuleContext context)
    {
        var index = context.Index;
        var entry = context.User!;
        var scopes = index.Scopes;
        int words = scopes.Words;
        if (words == 0)
        {
            return;
        }

        Span<ulong> sets = words <= 64 ? stackalloc ulong[6 * words] : new ulong[6 * words];
        var applies = sets[..words];
        var unknown = sets.Slice(words, words);
        scopes.Evaluate(entry, applies, unknown, sets[(2 * words)..]);
        var excludedFrom = context.Changes.ExcludedFromPolicies;
        for (int i = 0; i < excludedFrom.Count; i++)
        {
            if (index.FindPolicy(excludedFrom[i]) is { } policy)
            {
                PolicyBits.Clear(applies, policy.Bit);
                PolicyBits.Clear(unknown, policy.Bit);
            }
        }

        var classes = index.Classes;
        var requirements = entry.Sections.AuthenticationRequirements.Value;
        var state = new Words(context.UserName, context.Settings, requirements);

        // Catalog v1.2 §2: where Microsoft's What-If answered authoritatively, the policy's finding follows it ("applies"
        // even where the configuration said "not in scope" or could not tell; "does not apply" removes it). Without answers
        // the configuration's reading stands alone: the sets Microsoft decides stay empty and 'kept' is 'applies'.
        var evaluations = entry.Sections.ConditionalAccessEvaluation.Value;
        Span<ulong> answers = evaluations is not { Count: > 0 } ? Span<ulong>.Empty : words <= 32 ? stackalloc ulong[11 * words] : new ulong[11 * words];
        scoped ReadOnlySpan<ulong> kept = applies, unknownKept = unknown, registrationKept = applies;
        scoped ReadOnlySpan<ulong> legacyYes = default, registrationYes = default;
        scoped ReadOnlySpan<ulong> disagreeYes = default, disagreeNo = default, registrationDisagreeYes = default, registrationDisagreeNo = default;
        if (!answers.IsEmpty)
        {
            Decide(ref context, evaluations!, applies, unknown, answers);
            legacyYes = answers[..words];
            registrationYes = answers.Slice(2 * words, words);
            kept = answers.Slice(4 * words, words);
            unknownKept = answers.Slice(5 * words, words);
            registrationKept = answers.Slice(6 * words, words);
            disagreeYes = answers.Slice(7 * words, words);
            disagreeNo = answers.Slice(8 * words, words);
            registrationDisagreeYes = answers.Slice(9 * words, words);
            registrationDisagreeNo = answers.Slice(10 * words, words);
        }

        if (entry.Sections.TransitiveMemberOf.IsCaptured && index.ConditionalAccessNeeded)
        {
            context.ReportAboutPolicies(DiagnosticCodes.DataNotCaptured, unknownKept, classes.RoleScopedBlock, (state, entry), static (s, policies) => UnknownRoles(s.state.Upn, new UserFacts(s.entry), policies), RoleManagement);
        }

        // Every set below is within 'applies' or Microsoft's "applies".
        if (PolicyBits.IsEmpty(applies) && PolicyBits.IsEmpty(legacyYes) && PolicyBits.IsEmpty(registrationYes))
        {
            return;
        }

        // Microsoft's findings are reported beside the configuration's, code by code; without answers nothing of them is built.
        bool answered = !answers.IsEmpty;
        context.ReportPolicies(DiagnosticCodes.SecurityInfoRegistrationBlocked, registrationKept, classes.RegistrationBlocked, state, RegistrationBlocked);
        if (answered)
        {
            context.ReportPolicies(DiagnosticCodes.SecurityInfoRegistrationBlocked, registrationYes, classes.RegistrationBlocked, new Evaluated(state, entry, index, true, RegistrationBlocked), EvaluatedWords, Confidence.Evaluated);
        }

        var perUser = context.Changes.PerUserMfaEnforced ? PerUserMfaState.Enforced : requirements?.PerUserMfaState;
        if (perUser is PerUserMfaState.Disabled or PerUserMfaState.Enabled)
        {
            context.ReportPolicies(DiagnosticCodes.MfaOnlyFromConditionalAccess, applies, classes.MfaRequired, state, MfaFromConditionalAccess);
        }

        context.ReportPolicies(DiagnosticCodes.ReportOnlyPolicyWouldBlock, kept, classes.ReportOnlyWouldBlock, state, ReportOnlyWouldBlock);
        if (answered)
        {
            context.ReportPolicies(DiagnosticCodes.ReportOnlyPolicyWouldBlock, legacyYes, classes.EvaluatedReportOnly, new Evaluated(state, entry, index, false, ReportOnlyWouldBlock), EvaluatedWords, Confidence.Evaluated);
        }

        context.ReportPolicies(DiagnosticCodes.DataNotCaptured, applies, classes.UnknownStateWouldBlock, state, UnknownState);
        context.ReportPolicies(DiagnosticCodes.ConditionalAccessPolicyMayApply, kept, classes.MayBlock, state, MayBlock);
        context.ReportPolicies(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, kept, classes.Blocks, state, Blocks);
        if (answered)
        {
            context.ReportPolicies(DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, legacyYes, classes.EvaluatedBlocks, new Evaluated(state, entry, index, false, Blocks), EvaluatedWords, Confidence.Evaluated);
        }

        context.ReportPolicies(DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, kept, classes.Unsatisfiable, state, Unsatisfiable);
        if (!answered)
        {
            return;
        }

        context.ReportPolicies(DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, legacyYes, classes.EvaluatedUnsatisfiable, new Evaluated(state, entry, index, false, Unsatisfiable), EvaluatedWords, Confidence.Evaluated);

        // APW025: an authoritative answer against a definite reading of the configuration (each set holds only such policies).
        var disagreement = new Disagreement(state, entry, index, false, true);
        context.ReportPolicies(DiagnosticCodes.ConditionalAccessEvaluationDisagrees, disagreeYes, disagreeYes, disagreement, Disagrees);
        context.ReportPolicies(DiagnosticCodes.ConditionalAccessEvaluationDisagrees, disagreeNo, disagreeNo, disagreement with { Applies = false }, Disagrees);
        context.ReportPolicies(DiagnosticCodes.ConditionalAccessEvaluationDisagrees, registrationDisagreeYes, registrationDisagreeYes, disagreement with { Registration = true }, Disagrees);
        context.ReportPolicies(DiagnosticCodes.ConditionalAccessEvaluationDisagrees, registrationDisagreeNo, registrationDisagreeNo, disagreement with { Registration = true, Applies = false }, Disagrees);
    }

    /// <summary>
    /// Reads Microsoft's answers into <paramref name="answers"/> (eleven sets of the policies' words): what it decides
    /// "applies" (0: app-password sign-in, 2: registering security info) and "does not apply" (1, 3), the configuration's
    /// reading it leaves standing (4: kept, 5: unknown roles kept, 6: registration kept), and where an authoritative
    /// answer contradicts a definite reading (7, 8: sign-in applies / does not; 9, 10: registration).
    /// </summary>
    private static void Decide(ref RuleContext context, IReadOnlyList<ConditionalAccessEvaluation> evaluations, scoped ReadOnlySpan<ulong> applies, scoped ReadOnlySpan<ulong> unknown, scoped Span<ulong> answers)
    {
        var index = context.Index;
        var classes = index.Classes;
        int words = applies.Length;
        var legacyYes = answers[..words];
        var legacyNo = answers.Slice(words, words);
        var registrationYes = answers.Slice(2 * words, words);
        var registrationNo = answers.Slice(3 * words, words);
        WhatIfAnswers.Read(evaluations, index, context.User!.User.Id, applies, legacyYes, legacyNo, registrationYes, registrationNo, answers.Slice(4 * words, words));
        var excludedFrom = context.Changes.ExcludedFromPolicies;
        for (int i = 0; i < excludedFrom.Count; i++)
        {
            if (index.FindPolicy(excludedFrom[i]) is { } policy)
            {
                PolicyBits.Clear(legacyYes, policy.Bit);
                PolicyBits.Clear(registrationYes, policy.Bit);
            }
        }

        var kept = answers.Slice(4 * words, words);
        var unknownKept = answers.Slice(5 * words, words);
        var registrationKept = answers.Slice(6 * words, words);
        var disagreeYes = answers.Slice(7 * words, words);
        var disagreeNo = answers.Slice(8 * words, words);
        var registrationDisagreeYes = answers.Slice(9 * words, words);
        var registrationDisagreeNo = answers.Slice(10 * words, words);
        for (int w = 0; w < words; w++)
        {
            ulong decided = legacyYes[w] | legacyNo[w];
            ulong definite = applies[w] & (classes.Blocks[w] | classes.Unsatisfiable[w] | classes.ReportOnlyWouldBlock[w]);
            ulong undecided = (applies[w] & (classes.MayBlock[w] | classes.UnknownStateWouldBlock[w])) | (unknown[w] & classes.RoleScopedBlock[w]);
            legacyYes[w] &= classes.LegacyCandidates[w];
            legacyNo[w] &= classes.LegacyCandidates[w];
            kept[w] = applies[w] & ~decided;
            unknownKept[w] = unknown[w] & ~decided;
            disagreeYes[w] = legacyYes[w] & ~(definite | undecided);
            disagreeNo[w] = legacyNo[w] & definite;

            ulong registration = classes.RegistrationBlocked[w];
            registrationYes[w] &= registration;
            registrationNo[w] &= registration;
            ulong offlineRegistration = applies[w] & registration;
            registrationKept[w] = offlineRegistration & ~(registrationYes[w] | registrationNo[w]);
            registrationDisagreeYes[w] = registrationYes[w] & ~offlineRegistration & ~unknown[w];
            registrationDisagreeNo[w] = registrationNo[w] & offlineRegistration;
        }
    }

    /// <summary>What the words of a finding Microsoft's evaluation decided need: the offline words and where the answer is.</summary>
    private readonly record struct Evaluated(Words Words, UserEntry Entry, SnapshotIndex Index, bool Registration, Func<Words, PolicyFacts, FindingText> Offline);

    /// <summary>What APW025's words need: which evaluation, and what Microsoft answered.</summary>
    private readonly record struct Disagreement(Words Words, UserEntry Entry, SnapshotIndex Index, bool Registration, bool Applies);

    private static FindingText EvaluatedWords(Evaluated s, PolicyFacts policy)
    {
        var text = s.Offline(s.Words, policy);
        var evidence = new List<Evidence>(text.Evidence.Count + 1);
        string clientType = string.Empty;
        if (WhatIfAnswers.Find(s.Entry.Sections.ConditionalAccessEvaluation.Value!, s.Index, policy.Policy.Id, s.Registration, applies: true) is var (evaluation, result))
        {
            evidence.Add(new Evidence(WhatIfAnswers.Pointer(s.Entry, evaluation, result, "policyApplies"), "true", "false"));
            clientType = s.Registration ? " (registering security info)" : $" (client type '{ClientAppTypeName(evaluation.ClientAppType)}')";
        }

        evidence.AddRange(text.Evidence);
        return text with
        {
            Explanation = text.Explanation + $" Microsoft's Conditional Access evaluation (What-If) for {s.Words.Upn}{clientType} confirms that the policy applies.",
            Evidence = evidence,
        };
    }

    private static FindingText Disagrees(Disagreement s, PolicyFacts policy)
    {
        string what = s.Registration ? "registering security info" : "app-password sign-ins";
        var found = WhatIfAnswers.Find(s.Entry.Sections.ConditionalAccessEvaluation.Value!, s.Index, policy.Policy.Id, s.Registration, s.Applies);
        var evidence = new List<Evidence>();
        string reasons = string.Empty;
        if (found is var (evaluation, result))
        {
            evidence.Add(new Evidence(WhatIfAnswers.Pointer(s.Entry, evaluation, result, "policyApplies"), EvidenceValues.Bool(result.PolicyApplies), "informational"));
            evidence.Add(new Evidence(WhatIfAnswers.Pointer(s.Entry, evaluation, result, "analysisReasons"), EvidenceValues.String(result.AnalysisReasonsValue), "informational"));
            reasons = result.AnalysisReasonsValue.Length > 0 ? $" (analysisReasons: {result.AnalysisReasonsValue})" : string.Empty;
        }

        evidence.Add(new Evidence(PolicyPath(policy, "conditions/users"), EvidenceValues.At(policy.Policy.Json, "conditions", "users"), "informational"));
        evidence.Add(new Evidence(PolicyPath(policy, s.Registration ? "conditions/applications/includeUserActions" : "conditions/clientAppTypes"), s.Registration ? EvidenceValues.Strings(policy.Policy.Conditions.Applications.IncludeUserActions) : EvidenceValues.At(policy.Policy.Json, "conditions", "clientAppTypes"), "informational"));
        string offline = s.Applies ? "does not apply to" : "applies to";
        string microsoft = s.Applies ? "applies" : "does not apply";
        return new FindingText(
            $"Microsoft's evaluation and the configuration disagree about policy {policy.QuotedName} for {s.Words.Upn}",
            $"Reading the captured configuration, the policy {policy.QuotedName} {offline} {s.Words.Upn}'s {what}; Microsoft's Conditional Access evaluation (What-If) for {s.Words.Upn} answers that it {microsoft}{reasons}. " +
                "The diagnosis follows Microsoft. A difference usually means that Microsoft sees something the snapshot does not (a group or role membership, a directory role without roleTemplateId) or that the policy changed between the two reads: capture again if the policy was edited since.",
            evidence);
    }

    private static string ClientAppTypeName(ClientAppType type) => type switch
    {
        ClientAppType.Other => "other",
        ClientAppType.ExchangeActiveSync => "exchangeActiveSync",
        _ => CodeTwo.AuthDiagnostics.Snapshots.JsonNames.Of(type),
    };

    /// <summary>What a policy's words need besides the policy: the user's name, the settings, the per-user MFA requirements.</summary>
    private readonly record struct Words(string Upn, DiagnosticsSettings Settings, AuthenticationRequirements? Requirements)
    {
        public string Resource => Settings.TargetsExchangeOnline ? "Exchange Online" : $"the target resource ({Settings.TargetResourceAppId})";
    }

    private static FindingText RegistrationBlocked(Words s, PolicyFacts policy) => new(
        $"Policy {policy.QuotedName} blocks registering security info for {s.Upn}",
        $"The enabled policy {policy.QuotedName} blocks the user action 'register security info' for {s.Upn}" +
        (policy.Policy.Conditions.SignInDependentConditions.Count > 0 ? $" under some conditions ({string.Join(", ", policy.Policy.Conditions.SignInDependentConditions)}, usually outside trusted locations)" : string.Empty) +
        ". The user may be unable to add the app password from where they are; have them add it from a trusted location.",
        [new Evidence(PolicyPath(policy, "conditions/applications/includeUserActions"), EvidenceValues.Strings(policy.Policy.Conditions.Applications.IncludeUserActions), "no block of urn:user:registersecurityinfo where the user signs in")]);

    private static FindingText MfaFromConditionalAccess(Words s, PolicyFacts policy) => new(
        $"MFA for {s.Upn} comes from Conditional Access policy {policy.QuotedName}, not from per-user MFA",
        $"The enabled policy {policy.QuotedName} requires MFA for {s.Upn}, so MFA works although the per-user MFA state is {s.Requirements!.PerUserMfaStateValue}. Microsoft offers App password only to users enforced for per-user MFA, never to users whose MFA comes from Conditional Access.",
        [
            new Evidence(policy.StatePointer, policy.StateJson, "informational"),
            new Evidence(PolicyPath(policy, "grantControls/builtInControls"), EvidenceValues.Strings(policy.Policy.GrantControls?.BuiltInControlValues ?? []), "informational"),
        ]);

    private static FindingText ReportOnlyWouldBlock(Words s, PolicyFacts policy) => new(
        $"Report-only policy {policy.QuotedName} would block app-password sign-ins of {s.Upn}",
        $"The policy {policy.QuotedName} is report-only today, so it does not block yet; once it is turned on it {policy.LegacyEffect} and the product's app-password sign-ins of {s.Upn} will fail. Exclude the account before enabling it.",
        [new Evidence(policy.StatePointer, policy.StateJson, "the policy stays report-only, or the user is excluded before it is enabled"), .. policy.PolicyEvidence(PolicyEvidence)]);

    private static FindingText UnknownState(Words s, PolicyFacts policy) => new(
        $"Policy {policy.QuotedName} has a state this version does not know",
        $"The policy {policy.QuotedName} would affect {s.Upn}'s app-password sign-ins ({policy.LegacyEffect}), but its state {policy.Policy.StateValue} is not one this version of the library can interpret.",
        [new Evidence(policy.StatePointer, EvidenceValues.String(policy.Policy.StateValue), "\"enabled\", \"disabled\" or \"enabledForReportingButNotEnforced\"")]);

    private static FindingText MayBlock(Words s, PolicyFacts policy)
    {
        string why = policy.Policy.Conditions.SignInDependentConditions.Count > 0
            ? policy.SignInDependence
            : "it covers only Exchange ActiveSync clients, and the host does not declare EAS";
        return new(
            $"Policy {policy.QuotedName} may block app-password sign-ins of {s.Upn}",
            $"The enabled policy {policy.QuotedName} {policy.LegacyEffect} for {s.Upn}, but {why}. Check that the product's sign-ins fall outside it, or exclude the account.",
            policy.PolicyEvidence(PolicyEvidence));
    }

    private static FindingText Blocks(Words s, PolicyFacts policy) => new(
        $"Conditional Access policy {policy.QuotedName} blocks legacy authentication for {s.Upn}",
        $"The enabled policy {policy.QuotedName} applies to {s.Upn} and {s.Resource}, covers legacy client types and grants 'block'. An app password is only used by legacy clients, so every sign-in with it will be refused.",
        policy.PolicyEvidence(PolicyEvidence));

    private static FindingText Unsatisfiable(Words s, PolicyFacts policy) => new(
        $"Conditional Access policy {policy.QuotedName} requires {string.Join(" and ", policy.UnsatisfiableGrants)}, which legacy clients cannot satisfy",
        $"The enabled policy {policy.QuotedName} applies to {s.Upn} and {s.Resource} for every client type, including legacy clients, and {policy.LegacyEffect}. Legacy-authentication sign-ins, and so app-password sign-ins, are blocked by such a policy.",
        policy.PolicyEvidence(PolicyEvidence));

    private static FindingText UnknownRoles(string upn, UserFacts facts, IReadOnlyList<PolicyFacts> policies)
    {
        var entry = facts.Entry;
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
        return new FindingText(
            $"The directory roles of {upn} could not be read, and role-scoped Conditional Access decides the verdict",
            $"{upn} holds {roles} whose roleTemplateId the snapshot lacks (Graph leaves it out of transitiveMemberOf unless the capture has {RoleManagementPermission}). " +
            $"The enabled {(policies.Count == 1 ? "policy" : "policies")} {names} {(policies.Count == 1 ? "includes or excludes" : "include or exclude")} directory roles and would block {upn}'s app-password sign-ins if {(policies.Count == 1 ? "it applies" : "they apply")}, so the diagnosis cannot tell whether they do. " +
            $"Grant the capture {RoleManagementPermission} and capture again.",
            evidence);
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

    /// <summary>
    /// What each classified Conditional Access policy would do to an app-password sign-in once it applies, as bit sets over
    /// the policies of a <see cref="SnapshotIndex"/>: the rule's own index, built once per snapshot and engine (the classes
    /// depend on the target resource and on whether Exchange ActiveSync is declared). Each set answers one code.
    /// </summary>
    internal sealed class PolicyClasses
    {
        public PolicyClasses(IReadOnlyList<PolicyFacts> policies, DiagnosticsSettings settings)
        {
            int words = PolicyBits.Words(policies.Count);
            bool easDeclared = settings.LegacyProtocols.HasFlag(LegacyProtocols.ExchangeActiveSync);
            RegistrationBlocked = new ulong[words];
            MfaRequired = new ulong[words];
            ReportOnlyWouldBlock = new ulong[words];
            UnknownStateWouldBlock = new ulong[words];
            MayBlock = new ulong[words];
            Blocks = new ulong[words];
            Unsatisfiable = new ulong[words];
            RoleScopedBlock = new ulong[words];
            SignInIndependent = new ulong[words];
            EvaluatedBlocks = new ulong[words];
            EvaluatedUnsatisfiable = new ulong[words];
            EvaluatedReportOnly = new ulong[words];
            LegacyCandidates = new ulong[words];
            for (int bit = 0; bit < policies.Count; bit++)
            {
                var policy = policies[bit];
                if (policy.Policy.Conditions.SignInDependentConditions.Count == 0)
                {
                    PolicyBits.Set(SignInIndependent, bit);
                }

                var policyState = policy.Policy.State;
                bool reportOnly = policyState == ConditionalAccessPolicyState.EnabledForReportingButNotEnforced;
                if ((policyState == ConditionalAccessPolicyState.Enabled || reportOnly) && (policy.Blocks || policy.UnsatisfiableGrants.Count > 0))
                {
                    // Catalog v1.2 §5.1: looked up in Microsoft's evaluation whatever the offline reading says about scope.
                    PolicyBits.Set(LegacyCandidates, bit);
                    PolicyBits.Set(reportOnly ? EvaluatedReportOnly : policy.Blocks ? EvaluatedBlocks : EvaluatedUnsatisfiable, bit);
                }

                if (policy.LimitedToAuthenticationFlows)
                {
                    continue; // device code flow and authentication transfer only: never an app-password sign-in
                }

                var state = policy.Policy.State;
                bool enabled = state == ConditionalAccessPolicyState.Enabled;
                if (enabled && policy.TargetsSecurityInfoRegistration && policy.Blocks)
                {
                    PolicyBits.Set(RegistrationBlocked, bit);
                }

                if (policy.ScopesByRoles && enabled && policy.BlocksAppPasswordSignIns(easDeclared))
                {
                    PolicyBits.Set(RoleScopedBlock, bit);
                }

                if (!policy.TargetsResource)
                {
                    continue;
                }

                if (enabled && policy.RequiresMfa)
                {
                    PolicyBits.Set(MfaRequired, bit);
                }

                if (policy.Coverage == ClientCoverage.None || !(policy.Blocks || policy.UnsatisfiableGrants.Count > 0))
                {
                    continue;
                }

                if (state == ConditionalAccessPolicyState.EnabledForReportingButNotEnforced)
                {
                    PolicyBits.Set(ReportOnlyWouldBlock, bit);
                }
                else if (!enabled)
                {
                    PolicyBits.Set(UnknownStateWouldBlock, bit);
                }
                else if (policy.Policy.Conditions.SignInDependentConditions.Count > 0 || (policy.Coverage == ClientCoverage.ExchangeActiveSyncOnly && !easDeclared))
                {
                    PolicyBits.Set(MayBlock, bit);
                }
                else
                {
                    PolicyBits.Set(policy.Blocks ? Blocks : Unsatisfiable, bit);
                }
            }
        }

        /// <summary>APW024: enabled, blocks the user action 'register security info'.</summary>
        public ulong[] RegistrationBlocked { get; }

        /// <summary>APW013 (with per-user MFA not enforced): enabled, targets the resource, requires MFA.</summary>
        public ulong[] MfaRequired { get; }

        /// <summary>APW022: report-only, would block or require what a legacy client cannot satisfy.</summary>
        public ulong[] ReportOnlyWouldBlock { get; }

        /// <summary>APW090: a state this version does not know, on a policy that would block.</summary>
        public ulong[] UnknownStateWouldBlock { get; }

        /// <summary>APW023: enabled, would block, but depends on the sign-in (conditions, or EAS only and EAS not declared).</summary>
        public ulong[] MayBlock { get; }

        /// <summary>APW020: enabled, certainly blocks legacy clients.</summary>
        public ulong[] Blocks { get; }

        /// <summary>APW021: enabled, certainly requires what a legacy client cannot satisfy.</summary>
        public ulong[] Unsatisfiable { get; }

        /// <summary>Catalog v1.2: no sign-in-dependent condition, so Microsoft's "applies" is authoritative.</summary>
        public ulong[] SignInIndependent { get; }

        /// <summary>Catalog v1.2: enabled or report-only, blocks or requires what a legacy client cannot satisfy (looked up in What-If).</summary>
        public ulong[] LegacyCandidates { get; }

        /// <summary>APW020 where What-If says the policy applies: enabled, blocks.</summary>
        public ulong[] EvaluatedBlocks { get; }

        /// <summary>APW021 where What-If says the policy applies: enabled, requires what a legacy client cannot satisfy.</summary>
        public ulong[] EvaluatedUnsatisfiable { get; }

        /// <summary>APW022 where What-If says the policy applies: report-only, would block.</summary>
        public ulong[] EvaluatedReportOnly { get; }

        /// <summary>APW090 (roles unknown): enabled, role-scoped, certainly blocks app-password sign-ins once it applies.</summary>
        public ulong[] RoleScopedBlock { get; }
    }
}
