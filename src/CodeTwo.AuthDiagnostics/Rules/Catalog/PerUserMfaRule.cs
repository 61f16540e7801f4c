using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW011 (per-user MFA disabled), APW012 (enabled, not enforced), unless the plan enforces it; an unknown state is
/// reported as APW090 (<see cref="DataCoverageRule"/>).
/// </summary>
internal sealed class PerUserMfaRule : CatalogRule
{
    public override string Id => "per-user-mfa";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.PerUserMfaDisabled, DiagnosticCatalog.PerUserMfaEnabledNotEnforced];

    public override void Evaluate(ref RuleContext context)
    {
        var entry = context.User!;
        if (context.Changes.PerUserMfaEnforced || entry.Sections.AuthenticationRequirements.Value is not { } requirements)
        {
            return; // DataCoverageRule reports the missing section.
        }

        switch (requirements.PerUserMfaState)
        {
            case PerUserMfaState.Disabled:
                context.Report(DiagnosticCodes.PerUserMfaDisabled, (entry, requirements), static s => new FindingText(
                    $"Per-user MFA is disabled for {s.entry.User.UserPrincipalName}: App password is only offered to users enforced for per-user MFA",
                    $"Microsoft offers App password only to users whose legacy per-user MFA state is enforced; users who get MFA from security defaults or Conditional Access keep the state disabled and never see the option. Enforce per-user MFA for {s.entry.User.UserPrincipalName}.",
                    [Evidence(s.entry, s.requirements)]));
                break;
            case PerUserMfaState.Enabled:
                context.Report(DiagnosticCodes.PerUserMfaEnabledNotEnforced, (entry, requirements), static s => new FindingText(
                    $"Per-user MFA is enabled but not enforced for {s.entry.User.UserPrincipalName}",
                    $"Only enforced users are offered App password. The state moves from enabled to enforced by itself only when the user completes MFA registration; a user who was re-enabled and registered before stays enabled, so an administrator must enforce {s.entry.User.UserPrincipalName} directly.",
                    [Evidence(s.entry, s.requirements)]));
                break;
        }
    }

    private static Evidence Evidence(UserEntry entry, AuthenticationRequirements requirements) => new(
        JsonPointer.User(entry.Index, "sections", "authenticationRequirements", "value", "perUserMfaState"),
        EvidenceValues.String(requirements.PerUserMfaStateValue),
        "\"enforced\"");
}
