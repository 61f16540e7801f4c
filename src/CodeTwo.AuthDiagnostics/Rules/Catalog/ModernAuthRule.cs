using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW080: the verdict is not available; the durable fix is OAuth for the host product.</summary>
internal sealed class ModernAuthRule : CatalogRule
{
    private static readonly DiagnosticDescriptor Modern = DiagnosticCatalog.ModernAuthenticationRecommended;

    public override string Id => "modern-auth";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [Modern];

    public override RuleStage Stage => RuleStage.Outcome;

    public override bool NeedsUser => false;

    public override void Evaluate(RuleContext context)
    {
        if (context.Verdict is null or Verdict.Available)
        {
            return;
        }

        context.Report(
            DiagnosticCodes.ModernAuthenticationRecommended,
            () => new FindingText(
                "Modern authentication is the durable fix",
                $"App passwords for {context.UserName} depend on legacy authentication, which Microsoft keeps retiring. Moving the product to Microsoft Graph with OAuth (an app registration in Entra ID with the application permissions it needs) needs no app password, no per-user MFA exception and no Conditional Access exclusion.",
                [new Evidence("/", null, "the host product signs in with OAuth")]));
    }
}
