using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW040: the user's UPN domain is federated.</summary>
internal sealed class FederatedDomainRule : CatalogRule
{
    private static readonly DiagnosticDescriptor Federated = DiagnosticCatalog.FederatedDomain;

    public override string Id => "federated-domain";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [Federated];

    public override void Evaluate(RuleContext context)
    {
        var user = context.User!.User;
        if (context.Index.FederatedDomains.Count == 0 || context.Index.FindDomain(user.UpnDomain) is not { AuthenticationType: DomainAuthenticationType.Federated } domain)
        {
            return; // no federated domain captured: nothing to look up (and no copy of the UPN's domain)
        }

        context.Report(
            DiagnosticCodes.FederatedDomain,
            () => new FindingText(
                $"{user.UpnDomain} is a federated domain",
                $"{user.UserPrincipalName} signs in through a federated identity provider. App passwords are verified by Entra ID and bypass federation (federation is used only to set them up), so on-premises access policies are not applied to app-password sign-ins.",
                [new Evidence(JsonPointer.TenantSection("domains", "value", domain.Index, "authenticationType"), EvidenceValues.String(domain.AuthenticationTypeValue ?? "Federated"), "informational")]));
    }
}
