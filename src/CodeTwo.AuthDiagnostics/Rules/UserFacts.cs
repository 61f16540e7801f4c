using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>A user's facts indexed for policy scope checks: id, guest flag, group ids and role template ids.</summary>
public sealed class UserFacts
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
        if (memberOf.Value is { } objects)
        {
            foreach (var item in objects)
            {
                if (item.Kind == DirectoryObjectKind.DirectoryRole)
                {
                    if (item.RoleTemplateId is { Length: > 0 } template)
                    {
                        RoleTemplateIds.Add(template);
                    }
                }
                else
                {
                    GroupIds.Add(item.Id);
                }
            }
        }
    }

    /// <summary>The user entry.</summary>
    public UserEntry Entry { get; }

    /// <summary>The object id.</summary>
    public string Id { get; }

    /// <summary>Whether the user is a B2B guest.</summary>
    public bool IsGuest { get; }

    /// <summary>Whether <c>transitiveMemberOf</c> was captured.</summary>
    public bool MembershipKnown { get; }

    /// <summary>The ids of the groups the user belongs to (transitively).</summary>
    public IReadOnlySet<string> GroupIdSet => GroupIds;

    /// <summary>The role template ids of the user's directory roles.</summary>
    public IReadOnlySet<string> RoleTemplateIdSet => RoleTemplateIds;

    internal HashSet<string> GroupIds { get; }

    internal HashSet<string> RoleTemplateIds { get; }
}
