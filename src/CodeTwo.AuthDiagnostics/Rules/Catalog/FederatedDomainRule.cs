using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW040: the user's UPN domain is federated.</summary>
internal sealed class FederatedDomainRule : CatalogRule
{
    public override string Id => "federated-domain";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.FederatedDomain];

    public override void Evaluate(ref RuleContext context)
    {
        var user = context.User!.User;
        if (!IsFederated(context.Index, user.UserPrincipalName))
        {
            return;
        }

        context.Report(DiagnosticCodes.FederatedDomain, (user, context.Index), static s =>
        {
            var domain = s.Index.FindDomain(s.user.UpnDomain)!;
            return new FindingText(
                $"{s.user.UpnDomain} is a federated domain",
                $"{s.user.UserPrincipalName} signs in through a federated identity provider. App passwords are verified by Entra ID and bypass federation (federation is used only to set them up), so on-premises access policies are not applied to app-password sign-ins.",
                [new Evidence(JsonPointer.TenantSection("domains", "value", domain.Index, "authenticationType"), EvidenceValues.String(domain.AuthenticationTypeValue ?? "Federated"), "informational")]);
        });
    }

    /// <summary>Whether the UPN's domain is a captured federated domain (<see cref="DirectoryUser.UpnDomain"/>, without the copy).</summary>
    private static bool IsFederated(SnapshotIndex index, string userPrincipalName)
    {
        var federated = index.FederatedDomains;
        if (federated.Count == 0)
        {
            return false;
        }

        int at = userPrincipalName.LastIndexOf('@');
        var domain = at < 0 ? ReadOnlySpan<char>.Empty : userPrincipalName.AsSpan(at + 1);
        for (int i = 0; i < federated.Count; i++)
        {
            if (domain.Equals(federated[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
