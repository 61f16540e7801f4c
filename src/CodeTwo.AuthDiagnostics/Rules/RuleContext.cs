using System.Numerics;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// What a rule sees for one user, and where it reports: the indexed snapshot, the user, the host's settings, the plan
/// changes to assume (<see cref="Changes"/>, none for a diagnosis) and a sink. The one decision pass serves both answers:
/// to assess, the sink only sets the code's bit (no allocation: the words functions are static, the state is generic);
/// to diagnose, it creates a <see cref="Finding"/> whose words the function builds from the state when first read.
/// Passed to rules by reference; it lives on the stack for one pass.
/// </summary>
internal ref struct RuleContext
{
    private readonly List<Finding>? findings;
    private readonly bool narrowed;
    private CodeSet codes;

    /// <summary>A context that reports to <paramref name="findings"/> (diagnose), or only to the code set (assess) when it is null.</summary>
    internal RuleContext(CodeTable table, SnapshotIndex index, UserEntry? user, string requestedUser, DiagnosticsSettings settings, SimulatedChanges changes, List<Finding>? findings)
    {
        Table = table;
        Index = index;
        User = user;
        RequestedUser = requestedUser;
        Settings = settings;
        Changes = changes;
        this.findings = findings;
        if (findings is null)
        {
            narrowed = Accept(ref codes, table, index.Acceptances, user, requestedUser);
        }
    }

    /// <summary>The snapshot.</summary>
    public readonly TenantSnapshot Snapshot => Index.Snapshot;

    /// <summary>Tenant-wide facts, computed once per snapshot.</summary>
    public SnapshotIndex Index { get; }

    /// <summary>The user's entry; <see langword="null"/> when the user is not in the snapshot.</summary>
    public UserEntry? User { get; }

    /// <summary>The user as the host asked for it (UPN or id).</summary>
    public string RequestedUser { get; }

    /// <summary>The engine's settings (target resource, protocols, …).</summary>
    public DiagnosticsSettings Settings { get; }

    /// <summary>
    /// The plan's changes to assume on top of the snapshot (the counterfactual asks "and after these steps?");
    /// <see cref="SimulatedChanges.None"/> for a diagnosis or an assessment.
    /// </summary>
    public SimulatedChanges Changes { get; }

    /// <summary>The user's name for explanations: the UPN when known.</summary>
    public readonly string UserName => User?.User.UserPrincipalName ?? RequestedUser;

    /// <summary>In the outcome stage: the verdict decided by the facts stage.</summary>
    public Verdict? Verdict { get; private set; }

    /// <summary>In the outcome stage: the codes of the facts stage (after the host's acceptances).</summary>
    internal CodeSet Facts { get; private set; }

    /// <summary>The engine's codes.</summary>
    internal CodeTable Table { get; }

    /// <summary>The codes reported so far (assess); a diagnosis reads its findings instead.</summary>
    internal readonly CodeSet Codes => codes;

    /// <summary>Whether <paramref name="code"/> is a blocker of the facts stage (outcome stage).</summary>
    public readonly bool Blocks(string code) => (Facts.Blockers & Table.Mask(code)) != 0;

    /// <summary>Moves to the outcome stage: the facts stage decided <paramref name="verdict"/> from <paramref name="facts"/>.</summary>
    internal void EnterOutcome(Verdict verdict, CodeSet facts)
    {
        Verdict = verdict;
        Facts = facts;
    }

    /// <summary>Reports <paramref name="code"/>; a code the host disabled is dropped.</summary>
    /// <param name="code">The code (one of the rule's descriptors).</param>
    /// <param name="state">What the words need.</param>
    /// <param name="words">Builds the title, explanation and evidence from <paramref name="state"/> when first read (a static lambda).</param>
    /// <exception cref="InvalidOperationException">The code is not described by the engine.</exception>
    public void Report<TState>(string code, TState state, Func<TState, FindingText> words)
    {
        if (Fire(code, null, null, false, out var descriptor, out var severity, out var kind))
        {
            Add(new FindingWords<TState>(state, words), descriptor, severity, kind, null, []);
        }
    }

    /// <summary>
    /// Reports <paramref name="code"/> backed by Microsoft's own answer for this user (catalog v1.2): the sign-in log
    /// (<see cref="Confidence.Observed"/>) or What-If (<see cref="Confidence.Evaluated"/>), with a severity that may depend
    /// on the facts (a severity the host set through its options still wins).
    /// </summary>
    internal void ReportEvidenced<TState>(string code, TState state, Func<TState, FindingText> words, Confidence confidence, Severity? severity = null)
    {
        if (Fire(code, severity, null, false, out var descriptor, out var effective, out var kind))
        {
            Add(new FindingWords<TState>(state, words), descriptor, effective, kind, null, [], confidence);
        }
    }

    /// <summary>Reports <paramref name="code"/> with words built by a closure (host rules; the built-in ones pass static words and state).</summary>
    public void Report(string code, Func<FindingText> explain) => Report(code, explain, static explain => explain());

    /// <summary>
    /// Reports a finding whose severity and kind depend on the facts (APW060 is a blocker only when the host declares a
    /// retired protocol). A severity the host set through its options still wins.
    /// </summary>
    internal void ReportGraded<TState>(string code, TState state, Func<TState, FindingText> words, Severity severity, FindingKind kind)
    {
        if (Fire(code, severity, kind, false, out var descriptor, out var effective, out var effectiveKind))
        {
            Add(new FindingWords<TState>(state, words), descriptor, effective, effectiveKind, null, []);
        }
    }

    /// <summary>Reports a finding about data that was not captured, with the permissions that would read it (for the planner).</summary>
    internal void ReportMissingData<TState>(string code, TState state, Func<TState, FindingText> words, Func<TState, IReadOnlyList<string>> requiredPermissions)
    {
        if (Fire(code, null, null, false, out var descriptor, out var severity, out var kind))
        {
            Add(new FindingWords<TState>(state, words), descriptor, severity, kind, null, requiredPermissions(state));
        }
    }

    /// <summary>
    /// Reports <paramref name="code"/> for each Conditional Access policy of <paramref name="applies"/> ∩ <paramref name="policies"/>
    /// (one finding per policy, in document order). Assessing, the code fires when the intersection is not empty; it
    /// drives nothing when the host's acceptances narrowed to policies cover every policy of it.
    /// </summary>
    internal void ReportPolicies<TState>(string code, scoped ReadOnlySpan<ulong> applies, scoped ReadOnlySpan<ulong> policies, TState state, Func<TState, PolicyFacts, FindingText> words, Confidence? confidence = null)
    {
        if (!PolicyBits.Intersects(applies, policies))
        {
            return;
        }

        bool accepted = findings is null && narrowed && AllAccepted(code, applies, policies);
        if (!Fire(code, null, null, accepted, out var descriptor, out var severity, out var kind))
        {
            return;
        }

        for (int w = 0; w < applies.Length; w++)
        {
            for (ulong word = applies[w] & policies[w]; word != 0; word &= word - 1)
            {
                var policy = Index.Policies[(w << 6) + BitOperations.TrailingZeroCount(word)];
                Add(new PolicyFindingWords<TState>(state, policy, words), descriptor, severity, kind, policy.Policy.Id, [], confidence);
            }
        }
    }

    /// <summary>
    /// Reports one finding of <paramref name="code"/> about the Conditional Access policies of <paramref name="a"/> ∩
    /// <paramref name="b"/> when there is any (their list is made only for the words).
    /// </summary>
    internal void ReportAboutPolicies<TState>(string code, scoped ReadOnlySpan<ulong> a, scoped ReadOnlySpan<ulong> b, TState state, Func<TState, IReadOnlyList<PolicyFacts>, FindingText> words, IReadOnlyList<string> requiredPermissions)
    {
        if (!PolicyBits.Intersects(a, b) || !Fire(code, null, null, false, out var descriptor, out var severity, out var kind))
        {
            return;
        }

        var policies = new List<PolicyFacts>();
        foreach (int bit in PolicyBits.Common(a, b))
        {
            policies.Add(Index.Policies[bit]);
        }

        Add(new PoliciesFindingWords<TState>(state, policies, words), descriptor, severity, kind, null, requiredPermissions);
    }

    /// <summary>
    /// Decides what reporting <paramref name="code"/> means: assessing, its bit is set (and drives the verdict's sets
    /// unless accepted) and false is returned; diagnosing, true when a finding is to be added. A disabled code does neither.
    /// </summary>
    private bool Fire(string code, Severity? graded, FindingKind? gradedKind, bool accepted, out DiagnosticDescriptor descriptor, out Severity severity, out FindingKind kind)
    {
        if (!Table.TryBit(code, out int bit))
        {
            throw new InvalidOperationException($"Code {code} is not described by any rule of this engine.");
        }

        descriptor = Table.Descriptor(bit);
        severity = Table.Grade(bit, graded);
        kind = gradedKind ?? descriptor.Kind;
        if (Table.IsDisabled(bit))
        {
            return false;
        }

        if (findings is not null)
        {
            return true;
        }

        ulong mask = 1UL << bit;
        codes.Fired |= mask;
        if (!accepted && (codes.Accepted & mask) == 0)
        {
            codes.Drive(mask, code, severity, kind);
        }

        return false;
    }

    private readonly void Add(FindingWords words, DiagnosticDescriptor descriptor, Severity severity, FindingKind kind, string? policyId, IReadOnlyList<string> requiredPermissions, Confidence? confidence = null) =>
        findings!.Add(new Finding(words)
        {
            ConfidenceFromEvidence = confidence is not null,
            Code = descriptor.Code,
            Name = descriptor.Name,
            Severity = severity,
            Kind = kind,
            References = descriptor.References,
            Confidence = confidence ?? descriptor.Confidence,
            PolicyId = policyId,
            RequiredPermissions = requiredPermissions,
        });

    /// <summary>
    /// Assessing: reads the acceptances in force for the user; a code accepted without a policy goes into
    /// <see cref="CodeSet.Accepted"/> (it fires but decides nothing). Returns whether an acceptance narrowed to a
    /// classified policy is in force for the user (then <see cref="AllAccepted"/> decides the Conditional Access codes).
    /// A diagnosis marks its findings instead, one by one.
    /// </summary>
    private static bool Accept(ref CodeSet codes, CodeTable table, Acceptances acceptances, UserEntry? entry, string requestedUser)
    {
        var inForce = acceptances.InForce;
        bool narrowed = false;
        for (int a = 0; a < inForce.Length; a++)
        {
            if (!inForce[a].Covers(entry?.User.Id, entry?.User.UserPrincipalName, requestedUser))
            {
                continue;
            }

            int bit = acceptances.PolicyBits[a];
            if (bit == -1)
            {
                codes.Accepted |= table.Mask(inForce[a].Code);
            }

            narrowed |= bit >= 0;
        }

        return narrowed;
    }

    /// <summary>
    /// Whether every policy of <paramref name="applies"/> ∩ <paramref name="policies"/> (those that make <paramref name="code"/>
    /// fire) is one an acceptance of <paramref name="code"/> in force for the user is narrowed to: the accepted policies'
    /// bits are taken out of the intersection, word by word, without a copy.
    /// </summary>
    private readonly bool AllAccepted(string code, scoped ReadOnlySpan<ulong> applies, scoped ReadOnlySpan<ulong> policies)
    {
        var acceptances = Index.Acceptances;
        var inForce = acceptances.InForce;
        for (int w = 0; w < applies.Length; w++)
        {
            ulong word = applies[w] & policies[w];
            for (int a = 0; a < inForce.Length && word != 0; a++)
            {
                int bit = acceptances.PolicyBits[a];
                if (bit >= 0 && (bit >> 6) == w && string.Equals(inForce[a].Code, code, StringComparison.Ordinal)
                    && inForce[a].Covers(User?.User.Id, User?.User.UserPrincipalName, RequestedUser))
                {
                    word &= ~(1UL << (bit & 63));
                }
            }

            if (word != 0)
            {
                return false;
            }
        }

        return true;
    }
}
