using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW070: the plan enforces per-user MFA in a tenant with an enabled Conditional Access policy.</summary>
internal sealed class MixedMfaRule : CatalogRule
{
    private static readonly RuleDescriptor Mixed = Describe(DiagnosticCodes.PerUserMfaMixedWithConditionalAccess, "PerUserMfaMixedWithConditionalAccess", Severity.Warning, FindingKind.Advisory, Confidence.Documented, Sources.UserStates);

    public override string Id => "mixed-mfa";

    public override IReadOnlyList<RuleDescriptor> Descriptors => [Mixed];

    public override RuleStage Stage => RuleStage.Outcome;

    public override void Evaluate(RuleContext context)
    {
        var step = context.Plan?.Steps.FirstOrDefault(s => s.Id == PlanStepIds.EnforcePerUserMfa);
        if (step is null || context.Index.EnabledPolicyCount == 0)
        {
            return;
        }

        context.Report(
            DiagnosticCodes.PerUserMfaMixedWithConditionalAccess,
            "The plan mixes per-user MFA with Conditional Access",
            $"The tenant has {context.Index.EnabledPolicyCount} enabled Conditional Access {(context.Index.EnabledPolicyCount == 1 ? "policy" : "policies")}, and Microsoft advises against also enabling or enforcing per-user MFA. Enforcing it for {context.UserName} makes the account do MFA on every sign-in and require app passwords for all its legacy clients. It is the documented way to get App password; modern authentication avoids it.",
            context.Policies
                .Where(p => p.Policy.State == Snapshots.Graph.ConditionalAccessPolicyState.Enabled)
                .Select(p => new Evidence(p.StatePointer, p.StateJson, "no enabled Conditional Access policy alongside per-user MFA"))
                .ToArray());
    }
}
