using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW010: security defaults are enabled, which blocks every legacy-authentication sign-in.</summary>
internal sealed class SecurityDefaultsRule : CatalogRule
{
    private static readonly DiagnosticDescriptor Enabled = DiagnosticCatalog.SecurityDefaultsEnabled;

    public override string Id => "security-defaults";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [Enabled];

    public override void Evaluate(RuleContext context)
    {
        if (context.Snapshot.Sections.SecurityDefaults.Value is not { IsEnabled: true } policy)
        {
            return;
        }

        context.Report(
            DiagnosticCodes.SecurityDefaultsEnabled,
            () => new FindingText(
                "Security defaults are enabled: they block every legacy-authentication sign-in",
                $"Security defaults require MFA for {context.UserName} (which is why MFA works while the per-user MFA state stays disabled) and block every legacy-authentication sign-in. " +
                "An app password is only ever used by a legacy client, so sign-ins with it will fail while security defaults are on. Security defaults do not hide the option: enforcing per-user MFA still makes it appear.",
                [new Evidence(JsonPointer.TenantSection("securityDefaults", "value", "isEnabled"), EvidenceValues.Property(policy.Json, "isEnabled"), "false")]));
    }
}
