using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW080 (outcome stage): the verdict is not available; the durable fix is OAuth for the host product.</summary>
internal sealed class ModernAuthRule : CatalogRule
{
    public override string Id => "modern-auth";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.ModernAuthenticationRecommended];

    public override RuleStage Stage => RuleStage.Outcome;

    public override bool NeedsUser => false;

    public override void Evaluate(ref RuleContext context)
    {
        if (context.Verdict is null or Verdict.Available)
        {
            return;
        }

        context.Report(DiagnosticCodes.ModernAuthenticationRecommended, context.UserName, static userName => new FindingText(
            "Modern authentication is the durable fix",
            $"App passwords for {userName} depend on legacy authentication, which Microsoft keeps retiring. Moving the product to Microsoft Graph with OAuth (an app registration in Entra ID with the application permissions it needs) needs no app password, no per-user MFA exception and no Conditional Access exclusion.",
            [new Evidence("/", null, "the host product signs in with OAuth")]));
    }
}
