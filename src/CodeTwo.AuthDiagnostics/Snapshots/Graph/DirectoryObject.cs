namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>One entry of <c>GET /v1.0/users/{id}/transitiveMemberOf</c>: a group or a directory role the user belongs to.</summary>
internal sealed record DirectoryObject : GraphObject
{
    /// <summary>The object id.</summary>
    public string Id { get; internal init; } = string.Empty;

    /// <summary>What the object is, from <c>@odata.type</c>.</summary>
    public DirectoryObjectKind Kind { get; internal init; }

    /// <summary>For a directory role: the role template id that Conditional Access <c>includeRoles</c> refers to.</summary>
    public string? RoleTemplateId { get; internal init; }

    /// <summary>The display name, when captured.</summary>
    public string? DisplayName { get; internal init; }

    /// <summary>The position of this object in the section's array.</summary>
    public int Index { get; internal init; }
}

/// <summary>The kinds of directory object a user can be a member of.</summary>
internal enum DirectoryObjectKind
{
    /// <summary>A kind this library does not know (or no <c>@odata.type</c>).</summary>
    Unknown = 0,

    /// <summary><c>#microsoft.graph.group</c>.</summary>
    Group,

    /// <summary><c>#microsoft.graph.directoryRole</c>.</summary>
    DirectoryRole,

    /// <summary><c>#microsoft.graph.administrativeUnit</c>.</summary>
    AdministrativeUnit,
}
