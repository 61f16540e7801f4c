using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW070 (outcome stage): the plan enforces per-user MFA in a tenant with an enabled Conditional Access policy, which
/// mixes two MFA systems. Whether the plan enforces it is decided here once (<see cref="PlanEnforcesPerUserMfa"/>): the
/// planner asks the same question before it writes the step.
/// </summary>
internal sealed class PerUserMfaMixedRule : CatalogRule
{
    public override string Id => "per-user-mfa-mixed";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.PerUserMfaMixedWithConditionalAccess];

    public override RuleStage Stage => RuleStage.Outcome;

    public override void Evaluate(ref RuleContext context)
    {
        if (context.Index.EnabledPolicyCount == 0 || !PlanEnforcesPerUserMfa(context.User is not null, context.Verdict!.Value, context.Facts, context.Table))
        {
            return;
        }

        context.Report(DiagnosticCodes.PerUserMfaMixedWithConditionalAccess, (context.Index, context.UserName), static s =>
        {
            int count = s.Index.EnabledPolicyCount;
            return new FindingText(
                "The plan mixes per-user MFA with Conditional Access",
                $"The tenant has {count} enabled Conditional Access {(count == 1 ? "policy" : "policies")}, and Microsoft advises against also enabling or enforcing per-user MFA. Enforcing it for {s.UserName} makes the account do MFA on every sign-in and require app passwords for all its legacy clients. It is the documented way to get App password; modern authentication avoids it.",
                s.Index.Policies
                    .Where(p => p.Policy.State == ConditionalAccessPolicyState.Enabled)
                    .Select(p => new Evidence(p.StatePointer, p.StateJson, "no enabled Conditional Access policy alongside per-user MFA"))
                    .ToArray());
        });
    }

    /// <summary>
    /// Whether the plan enforces per-user MFA: for a user in the snapshot whose verdict is not indeterminate, a per-user
    /// MFA blocker (APW011, APW012), and neither a guest account (APW003) nor the tenant switch off (APW014), which the
    /// plan cannot get past. The blockers are the facts stage's after the host's acceptances.
    /// </summary>
    internal static bool PlanEnforcesPerUserMfa(bool userKnown, Verdict verdict, in CodeSet facts, CodeTable table) =>
        userKnown
        && verdict != Verdict.Indeterminate
        && facts.Blockers != 0
        && (facts.Blockers & (table.Mask(DiagnosticCodes.GuestAccount) | table.Mask(DiagnosticCodes.AppPasswordsDisabledForTenant))) == 0
        && (facts.Blockers & (table.Mask(DiagnosticCodes.PerUserMfaDisabled) | table.Mask(DiagnosticCodes.PerUserMfaEnabledNotEnforced))) != 0;
}
