namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// The catalog codes reported about the plan rather than the snapshot. The planner reports them when it post-processes
/// a plan (<c>Planning/PlanAdvice</c>); they are declared here, with every other code, so hosts can disable or re-grade them.
/// </summary>
internal static class PlanAdvisories
{
    /// <summary>APW070: the plan enforces per-user MFA in a tenant with an enabled Conditional Access policy.</summary>
    public static readonly RuleDescriptor MixedMfa = new(DiagnosticCodes.PerUserMfaMixedWithConditionalAccess, "PerUserMfaMixedWithConditionalAccess", Severity.Warning, FindingKind.Advisory, Confidence.Documented, [Sources.UserStates]);

    public static IReadOnlyList<RuleDescriptor> All { get; } = [MixedMfa];
}
