namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>What one capture reads per user, and how many users a page of the tenant-wide listing holds.</summary>
/// <remarks>
/// Cost per user, in requests (20 of them share one <c>$batch</c> HTTP call): <c>authenticationRequirements</c> 1 (always
/// read: the diagnosis cannot work without it), <c>authenticationMethods</c> 1, <c>transitiveMemberOf</c> 1 plus one per
/// further page of 999 memberships. The user object itself costs one request in a per-user capture and nothing in a
/// tenant-wide one (it comes with the listing). Graph evaluates every request of a batch against its throttling limits.
/// </remarks>
public sealed record GraphCaptureOptions
{
    /// <summary>The default: every user section.</summary>
    public static GraphCaptureOptions Default { get; } = new();

    /// <summary>
    /// The user sections to read. <see cref="UserSectionSelection.AuthenticationRequirements"/> is always read, whatever
    /// this says; the others are recorded as not captured when left out. Default <see cref="UserSectionSelection.All"/>.
    /// Without <see cref="UserSectionSelection.TransitiveMemberOf"/>, a Conditional Access policy scoped to groups or
    /// roles makes the diagnosis indeterminate.
    /// </summary>
    public UserSectionSelection UserSections { get; init; } = UserSectionSelection.All;

    /// <summary>Users per page of the tenant-wide listing (<c>$top</c>, 1 to 999). Default 999. A tenant-wide capture holds at most three pages in memory.</summary>
    public int PageSize { get; init; } = 999;

    internal UserSectionSelection EffectiveSections => UserSections | UserSectionSelection.AuthenticationRequirements;

    internal void Validate()
    {
        if (PageSize is < 1 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "PageSize must be between 1 and 999 (Graph rejects a larger $top).");
        }
    }
}

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
