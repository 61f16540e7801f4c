using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Planning;

/// <summary>
/// Post-processing of a built plan: the advice that is about the plan itself, not about the snapshot (the rules never see
/// a plan). Reports through the rule context so the host's disabled and re-graded codes apply.
/// </summary>
internal static class PlanAdvice
{
    public static void Report(RuleContext context, RemediationPlan plan)
    {
        // APW070: enforcing per-user MFA where Conditional Access is in use mixes two MFA systems.
        if (plan.FindStep(PlanStepIds.EnforcePerUserMfa) is null || context.Index.EnabledPolicyCount == 0)
        {
            return;
        }

        int count = context.Index.EnabledPolicyCount;
        context.Report(
            DiagnosticCodes.PerUserMfaMixedWithConditionalAccess,
            () => new FindingText(
                "The plan mixes per-user MFA with Conditional Access",
                $"The tenant has {count} enabled Conditional Access {(count == 1 ? "policy" : "policies")}, and Microsoft advises against also enabling or enforcing per-user MFA. Enforcing it for {context.UserName} makes the account do MFA on every sign-in and require app passwords for all its legacy clients. It is the documented way to get App password; modern authentication avoids it.",
                context.Policies
                    .Where(p => p.Policy.State == ConditionalAccessPolicyState.Enabled)
                    .Select(p => new Evidence(p.StatePointer, p.StateJson, "no enabled Conditional Access policy alongside per-user MFA"))
                    .ToArray()));
    }
}
