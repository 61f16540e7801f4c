using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW014 (the tenant switch "Allow users to create app passwords" is off) and APW091 (it could not be read); nothing when the plan turns it on.</summary>
internal sealed class TenantAppPasswordSwitchRule : CatalogRule
{
    public override string Id => "tenant-app-password-switch";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.AppPasswordsDisabledForTenant, DiagnosticCatalog.TenantAppPasswordSettingUnknown];

    public override bool NeedsUser => false;

    public override void Evaluate(ref RuleContext context)
    {
        if (context.Changes.AppPasswordsAllowed)
        {
            return;
        }

        var section = context.Snapshot.Sections.MfaServicePolicy;
        if (section.Value is { } policy && policy.AllowAppPasswords is { } allowed)
        {
            if (!allowed)
            {
                context.Report(DiagnosticCodes.AppPasswordsDisabledForTenant, context.UserName, static userName => new FindingText(
                    "The tenant does not allow users to create app passwords",
                    $"The MFA service setting 'Allow users to create app passwords to sign in to non-browser apps' is off, so nobody in the tenant, {userName} included, is offered App password. An administrator must turn it on in the legacy MFA service settings (no supported API exists).",
                    [new Evidence(JsonPointer.TenantSection("mfaServicePolicy", "value", "allowAppPasswords"), "false", "true")]));
            }

            return;
        }

        context.Report(DiagnosticCodes.TenantAppPasswordSettingUnknown, (section, context.UserName), static s =>
        {
            var section = s.section;
            string why = section.Status switch
            {
                SectionStatus.Failed => $"reading it failed (HTTP {section.Error!.HttpStatus})",
                SectionStatus.Captured => "the captured payload has no allowAppPasswords",
                _ => "it was not captured" + (section.Reason is { } reason ? $" ({reason.TrimEnd('.', ' ')})" : string.Empty),
            };
            return new FindingText(
                "The tenant-wide app password switch must be checked by hand",
                $"Whether the tenant allows users, {s.UserName} included, to create app passwords is unknown: {why}. No supported Graph API exposes the switch, so an administrator must check 'Allow users to create app passwords to sign in to non-browser apps' in the MFA service settings.",
                [Evidence(section)]);
        });
    }

    private static Evidence Evidence(Section<Snapshots.Graph.MfaServicePolicy> section)
    {
        const string Expected = "captured, with allowAppPasswords true";
        if (section.IsCaptured)
        {
            return new Evidence(JsonPointer.TenantSection("mfaServicePolicy", "value", "allowAppPasswords"), null, "true");
        }

        return ReferenceEquals(section, Section<Snapshots.Graph.MfaServicePolicy>.Absent)
            ? new Evidence(JsonPointer.TenantSection("mfaServicePolicy"), null, Expected)
            : new Evidence(JsonPointer.TenantSection("mfaServicePolicy", "status"), EvidenceValues.String(GraphStatus(section.Status)), Expected);
    }

    private static string GraphStatus(SectionStatus status) => status switch
    {
        SectionStatus.Captured => "captured",
        SectionStatus.Failed => "failed",
        _ => "notCaptured",
    };
}
