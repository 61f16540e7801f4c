namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>The per-user sections of a capture.</summary>
[Flags]
public enum UserSectionSelection
{
    /// <summary>Only the always-read <see cref="AuthenticationRequirements"/>.</summary>
    None = 0,

    /// <summary><c>GET /beta/users/{id}/authentication/requirements</c> (per-user MFA state); always read.</summary>
    AuthenticationRequirements = 1,

    /// <summary><c>GET /v1.0/users/{id}/authentication/methods</c> (registered methods).</summary>
    AuthenticationMethods = 2,

    /// <summary>
    /// <c>GET /v1.0/users/{id}/transitiveMemberOf</c> (groups and directory roles, all pages). Needs
    /// <c>GroupMember.Read.All</c>, and <c>RoleManagement.Read.Directory</c> for the <c>roleTemplateId</c> of the user's
    /// directory roles (which Conditional Access <c>includeRoles</c>/<c>excludeRoles</c> name): without it Graph returns
    /// roles with only <c>@odata.type</c> and <c>id</c>.
    /// </summary>
    TransitiveMemberOf = 4,

    /// <summary>All three.</summary>
    All = AuthenticationRequirements | AuthenticationMethods | TransitiveMemberOf,
}
