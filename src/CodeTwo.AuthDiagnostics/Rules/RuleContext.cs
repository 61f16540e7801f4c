using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>What a rule sees for one diagnosis: the indexed snapshot, the user, the host's options, and where to report.</summary>
internal sealed class RuleContext
{
    private readonly List<Finding> findings;
    private readonly Func<string, DiagnosticDescriptor?> describe;
    private UserFacts? userFacts;

    internal RuleContext(SnapshotIndex index, UserEntry? user, string requestedUser, DiagnosticsSettings settings, List<Finding> findings, Func<string, DiagnosticDescriptor?> describe)
    {
        Index = index;
        User = user;
        RequestedUser = requestedUser;
        Settings = settings;
        this.findings = findings;
        this.describe = describe;
    }

    /// <summary>The snapshot.</summary>
    public TenantSnapshot Snapshot => Index.Snapshot;

    /// <summary>Tenant-wide facts, computed once per snapshot.</summary>
    public SnapshotIndex Index { get; }

    /// <summary>The user's entry; <see langword="null"/> when the user is not in the snapshot.</summary>
    public UserEntry? User { get; }

    /// <summary>The user's facts (group and role sets), built on first use; <see langword="null"/> when the user is not in the snapshot.</summary>
    public UserFacts? UserFacts => User is null ? null : userFacts ??= new UserFacts(User);

    /// <summary>The user as the host asked for it (UPN or id).</summary>
    public string RequestedUser { get; }

    /// <summary>The engine's settings (target resource, protocols, …).</summary>
    public DiagnosticsSettings Settings { get; }

    /// <summary>The user's name for explanations: the UPN when known.</summary>
    public string UserName => User?.User.UserPrincipalName ?? RequestedUser;

    /// <summary>In the outcome stage: the verdict decided by the facts stage.</summary>
    public Verdict? Verdict { get; internal set; }

    /// <summary>The findings reported so far (facts stage first).</summary>
    public IReadOnlyList<Finding> Findings => findings;

    /// <summary>Reports a finding with <paramref name="code"/>; a code the host disabled is dropped.</summary>
    /// <param name="code">The code (one of the rule's descriptors).</param>
    /// <param name="explain">Builds the title, the explanation and the evidence; called when the finding's text is first read.</param>
    /// <param name="policyId">The Conditional Access policy involved, if any.</param>
    /// <exception cref="InvalidOperationException">The code is not described by any rule of the engine.</exception>
    public void Report(string code, Func<FindingText> explain, string? policyId = null) =>
        Add(code, explain, policyId, null, null, []);

    /// <summary>
    /// Reports a finding whose severity and kind depend on the facts (APW060 is a blocker only when the host declares a
    /// retired protocol). A severity the host set through its options still wins.
    /// </summary>
    internal void ReportGraded(string code, Func<FindingText> explain, Severity severity, FindingKind kind) =>
        Add(code, explain, null, severity, kind, []);

    /// <summary>Reports a finding about data that was not captured, with the permissions that would read it (for the planner).</summary>
    internal void ReportMissingData(string code, Func<FindingText> explain, IReadOnlyList<string> requiredPermissions) =>
        Add(code, explain, null, null, null, requiredPermissions);

    private void Add(string code, Func<FindingText> explain, string? policyId, Severity? severity, FindingKind? kind, IReadOnlyList<string> requiredPermissions)
    {
        var descriptor = describe(code) ?? throw new InvalidOperationException($"Code {code} is not described by any rule of this engine.");
        if (Settings.DisabledCodes.Contains(code))
        {
            return;
        }

        var effective = Settings.SeverityOverrides.TryGetValue(code, out var regraded) ? regraded : severity ?? descriptor.DefaultSeverity;
        findings.Add(new Finding(explain)
        {
            Code = descriptor.Code,
            Name = descriptor.Name,
            Severity = effective,
            Kind = kind ?? descriptor.Kind,
            References = descriptor.References,
            Confidence = descriptor.Confidence,
            PolicyId = policyId,
            RequiredPermissions = requiredPermissions,
        });
    }

    /// <summary>Whether a finding with <paramref name="code"/> was reported.</summary>
    /// <param name="code">The code.</param>
    public bool Has(string code) => findings.Exists(f => string.Equals(f.Code, code, StringComparison.Ordinal));

    internal IEnumerable<PolicyFacts> Policies => Index.Policies;
}
