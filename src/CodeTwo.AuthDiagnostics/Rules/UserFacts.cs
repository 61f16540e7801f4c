using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>A user's facts indexed for policy scope checks: id, guest flag, group ids and role template ids.</summary>
internal sealed class UserFacts
{
    internal UserFacts(UserEntry entry)
    {
        Entry = entry;
        Id = entry.User.Id;
        IsGuest = entry.User.UserType == UserType.Guest;
        var memberOf = entry.Sections.TransitiveMemberOf;
        MembershipKnown = memberOf.IsCaptured;
        GroupIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        RoleTemplateIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unknownRoles = new List<DirectoryObject>();
        if (memberOf.Value is { } objects)
        {
            foreach (var item in objects)
            {
                if (item.Kind == DirectoryObjectKind.DirectoryRole)
                {
                    HoldsDirectoryRole = true;
                    if (item.RoleTemplateId is { Length: > 0 } template)
                    {
                        RoleTemplateIds.Add(template);
                    }
                    else
                    {
                        // Graph leaves roleTemplateId out without RoleManagement.Read.Directory: the role is unknown, never absent.
                        unknownRoles.Add(item);
                    }
                }
                else
                {
                    GroupIds.Add(item.Id);
                }
            }
        }

        UnknownRoles = unknownRoles;
    }

    /// <summary>The user entry.</summary>
    public UserEntry Entry { get; }

    /// <summary>The object id.</summary>
    public string Id { get; }

    /// <summary>Whether the user is a B2B guest.</summary>
    public bool IsGuest { get; }

    /// <summary>Whether <c>transitiveMemberOf</c> was captured.</summary>
    public bool MembershipKnown { get; }

    /// <summary>Whether <c>transitiveMemberOf</c> holds a directory role (with or without <c>roleTemplateId</c>).</summary>
    public bool HoldsDirectoryRole { get; }

    /// <summary>
    /// The directory roles captured without <c>roleTemplateId</c> (what Graph returns without
    /// <c>RoleManagement.Read.Directory</c>): the user holds them, but which roles they are is unknown.
    /// </summary>
    public IReadOnlyList<DirectoryObject> UnknownRoles { get; }

    /// <summary>The ids of the groups the user belongs to (transitively).</summary>
    public IReadOnlySet<string> GroupIdSet => GroupIds;

    /// <summary>The role template ids of the user's directory roles.</summary>
    public IReadOnlySet<string> RoleTemplateIdSet => RoleTemplateIds;

    internal HashSet<string> GroupIds { get; }

    internal HashSet<string> RoleTemplateIds { get; }
}
