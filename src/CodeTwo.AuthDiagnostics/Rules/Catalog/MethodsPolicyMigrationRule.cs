using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW050: the authentication methods policy migration is complete.</summary>
internal sealed class MethodsPolicyMigrationRule : CatalogRule
{
    public override string Id => "methods-policy-migration";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.AuthenticationMethodsPolicyMigrated];

    public override bool NeedsUser => false;

    public override void Evaluate(ref RuleContext context)
    {
        if (context.Snapshot.Sections.AuthenticationMethodsPolicy.Value is not { PolicyMigrationState: PolicyMigrationState.MigrationComplete })
        {
            return;
        }

        context.Report(DiagnosticCodes.AuthenticationMethodsPolicyMigrated, context.UserName, static userName => new FindingText(
            "The authentication methods policy migration is complete",
            $"The tenant manages methods only in the authentication methods policy. App passwords are not a method of that policy; their switch still lives in the legacy MFA service settings. Microsoft documents no effect of the migration on app passwords, so it does not explain on its own why {userName} lacks the option.",
            [new Evidence(JsonPointer.TenantSection("authenticationMethodsPolicy", "value", "policyMigrationState"), EvidenceValues.String("migrationComplete"), "informational")]));
    }
}
