using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW061: the account holds a directory role.</summary>
internal sealed class PrivilegedRoleRule : CatalogRule
{
    public override string Id => "privileged-role";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.PrivilegedAdminAccount];

    public override void Evaluate(ref RuleContext context)
    {
        var entry = context.User!;
        if (entry.Sections.TransitiveMemberOf.Value is not { } objects || !AnyRole(objects))
        {
            return;
        }

        context.Report(DiagnosticCodes.PrivilegedAdminAccount, (entry, objects), static s => Words(s.entry, s.objects.Where(o => o.Kind == DirectoryObjectKind.DirectoryRole).ToArray()));
    }

    private static bool AnyRole(IReadOnlyList<DirectoryObject> objects)
    {
        for (int i = 0; i < objects.Count; i++)
        {
            if (objects[i].Kind == DirectoryObjectKind.DirectoryRole)
            {
                return true;
            }
        }

        return false;
    }

    private static FindingText Words(UserEntry entry, DirectoryObject[] roles) => new(
        $"{entry.User.UserPrincipalName} holds a directory role",
        $"{entry.User.UserPrincipalName} holds {string.Join(", ", roles.Select(r => r.DisplayName ?? r.RoleTemplateId ?? r.Id))}. App passwords cannot perform admin actions, and in the global cloud Microsoft's mandatory MFA makes the admin portals require MFA for every account whatever the tenant's settings. A least-privileged account, or better an app registration, suits a backup product.",
        roles.Select(r => new Evidence(JsonPointer.User(entry.Index, "sections", "transitiveMemberOf", "value", r.Index, "roleTemplateId"), r.RoleTemplateId is null ? null : EvidenceValues.String(r.RoleTemplateId), "informational")).ToArray());
}
