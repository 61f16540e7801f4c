using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW011 (per-user MFA disabled), APW012 (enabled, not enforced); an unknown state is reported as APW090.</summary>
internal sealed class PerUserMfaRule : CatalogRule
{
    private static readonly DiagnosticDescriptor DisabledState = DiagnosticCatalog.PerUserMfaDisabled;
    private static readonly DiagnosticDescriptor EnabledState = DiagnosticCatalog.PerUserMfaEnabledNotEnforced;

    public override string Id => "per-user-mfa";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DisabledState, EnabledState];

    public override void Evaluate(RuleContext context)
    {
        var entry = context.User!;
        if (entry.Sections.AuthenticationRequirements.Value is not { } requirements)
        {
            return; // DataCoverageRule reports the missing section.
        }

        string upn = entry.User.UserPrincipalName;
        switch (requirements.PerUserMfaState)
        {
            case PerUserMfaState.Disabled:
                context.Report(
                    DiagnosticCodes.PerUserMfaDisabled,
                    () => new FindingText(
                        $"Per-user MFA is disabled for {upn}: App password is only offered to users enforced for per-user MFA",
                        $"Microsoft offers App password only to users whose legacy per-user MFA state is enforced; users who get MFA from security defaults or Conditional Access keep the state disabled and never see the option. Enforce per-user MFA for {upn}.",
                        [Evidence(entry, requirements)]));
                break;
            case PerUserMfaState.Enabled:
                context.Report(
                    DiagnosticCodes.PerUserMfaEnabledNotEnforced,
                    () => new FindingText(
                        $"Per-user MFA is enabled but not enforced for {upn}",
                        $"Only enforced users are offered App password. The state moves from enabled to enforced by itself only when the user completes MFA registration; a user who was re-enabled and registered before stays enabled, so an administrator must enforce {upn} directly.",
                        [Evidence(entry, requirements)]));
                break;
        }
    }

    private static Evidence Evidence(Snapshots.UserEntry entry, Snapshots.Graph.AuthenticationRequirements requirements) => new(
        JsonPointer.User(entry.Index, "sections", "authenticationRequirements", "value", "perUserMfaState"),
        EvidenceValues.String(requirements.PerUserMfaStateValue),
        "\"enforced\"");
}
