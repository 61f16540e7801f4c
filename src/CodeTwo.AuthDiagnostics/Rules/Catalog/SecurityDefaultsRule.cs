using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW010: security defaults are enabled (and the plan does not turn them off), which blocks every legacy-authentication sign-in.</summary>
internal sealed class SecurityDefaultsRule : CatalogRule
{
    public override string Id => "security-defaults";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.SecurityDefaultsEnabled];

    public override void Evaluate(ref RuleContext context)
    {
        if (context.Snapshot.Sections.SecurityDefaults.Value is not { IsEnabled: true } policy || context.Changes.SecurityDefaultsOff)
        {
            return;
        }

        context.Report(DiagnosticCodes.SecurityDefaultsEnabled, (policy, context.UserName), static s => new FindingText(
            "Security defaults are enabled: they block every legacy-authentication sign-in",
            $"Security defaults require MFA for {s.UserName} (which is why MFA works while the per-user MFA state stays disabled) and block every legacy-authentication sign-in. " +
            "An app password is only ever used by a legacy client, so sign-ins with it will fail while security defaults are on. Security defaults do not hide the option: enforcing per-user MFA still makes it appear.",
            [new Evidence(JsonPointer.TenantSection("securityDefaults", "value", "isEnabled"), EvidenceValues.Property(s.policy.Json, "isEnabled"), "false")]));
    }
}
