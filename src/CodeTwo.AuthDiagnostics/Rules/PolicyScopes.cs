using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// Which classified Conditional Access policies apply to a user, as bit sets built once per snapshot: for every user
/// id, group id and role template id named in a policy's <c>conditions.users</c>, the set of policies that include or
/// exclude it. A user's scope is then the union of the sets of their id, groups and roles (a few dictionary lookups and
/// word-wide ORs), not a walk over every policy. Gives exactly the answers of <see cref="PolicyFacts.AppliesTo"/>,
/// unknown ones included. Immutable and thread-safe.
/// </summary>
internal sealed class PolicyScopes
{
    private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

    private readonly ulong[] valid;
    private readonly ulong[] includeAll;
    private readonly ulong[] includeGuests;
    private readonly ulong[] excludeGuests;
    private readonly ulong[] includeAnyGroup;
    private readonly ulong[] excludeAnyGroup;
    private readonly ulong[] includeByMembership;
    private readonly ulong[] excludeByMembership;
    private readonly ulong[] includeByRoles;
    private readonly ulong[] excludeByRoles;
    private readonly Dictionary<string, ulong[]> includeUsers = new(Ids);
    private readonly Dictionary<string, ulong[]> excludeUsers = new(Ids);
    private readonly Dictionary<string, ulong[]> includeGroups = new(Ids);
    private readonly Dictionary<string, ulong[]> excludeGroups = new(Ids);
    private readonly Dictionary<string, ulong[]> includeRoles = new(Ids);
    private readonly Dictionary<string, ulong[]> excludeRoles = new(Ids);

    public PolicyScopes(IReadOnlyList<PolicyFacts> policies)
    {
        Count = policies.Count;
        Words = PolicyBits.Words(Count);
        valid = New();
        includeAll = New();
        includeGuests = New();
        excludeGuests = New();
        includeAnyGroup = New();
        excludeAnyGroup = New();
        includeByMembership = New();
        excludeByMembership = New();
        includeByRoles = New();
        excludeByRoles = New();
        for (int bit = 0; bit < policies.Count; bit++)
        {
            var policy = policies[bit];
            if (policy.NeverApplies)
            {
                continue; // applies to nobody: in no set, so never in a user's scope
            }

            PolicyBits.Set(valid, bit);
            var users = policy.Policy.Conditions.Users;
            SetIf(includeAll, bit, policy.IncludesAll);
            SetIf(includeGuests, bit, policy.IncludesGuests);
            SetIf(excludeGuests, bit, policy.ExcludesGuests);
            SetIf(includeAnyGroup, bit, Contains(users.IncludeGroups, "All"));
            SetIf(excludeAnyGroup, bit, Contains(users.ExcludeGroups, "All"));
            SetIf(includeByMembership, bit, users.IncludeGroups.Count + users.IncludeRoles.Count > 0);
            SetIf(excludeByMembership, bit, users.ExcludeGroups.Count + users.ExcludeRoles.Count > 0);
            SetIf(includeByRoles, bit, users.IncludeRoles.Count > 0);
            SetIf(excludeByRoles, bit, users.ExcludeRoles.Count > 0);
            Add(includeUsers, users.IncludeUsers, bit);
            Add(excludeUsers, users.ExcludeUsers, bit);
            Add(includeGroups, users.IncludeGroups, bit);
            Add(excludeGroups, users.ExcludeGroups, bit);
            Add(includeRoles, users.IncludeRoles, bit);
            Add(excludeRoles, users.ExcludeRoles, bit);
        }
    }

    /// <summary>How many policies (bits) the sets cover.</summary>
    public int Count { get; }

    /// <summary>How many words a set of this index has.</summary>
    public int Words { get; }

    /// <summary>
    /// Writes the policies that apply to <paramref name="user"/> (<see cref="PolicyFacts.AppliesTo"/> is
    /// <see langword="true"/>) and those whose scope is unknown (<see langword="null"/>: membership not captured, or a
    /// role-scoped policy and a directory role captured without <c>roleTemplateId</c>).
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="applies">Receives the applying policies; <see cref="Words"/> long.</param>
    /// <param name="unknown">Receives the policies of unknown scope; <see cref="Words"/> long.</param>
    /// <param name="scratch">Working space of 4 × <see cref="Words"/> words.</param>
    public void Evaluate(UserEntry user, Span<ulong> applies, Span<ulong> unknown, Span<ulong> scratch)
    {
        int w = Words;
        var included = scratch[..w];
        var excluded = scratch.Slice(w, w);
        var includedUnknown = scratch.Slice(2 * w, w);
        var excludedUnknown = scratch.Slice(3 * w, w);
        included.Clear();
        excluded.Clear();
        includedUnknown.Clear();
        excludedUnknown.Clear();

        // Definite inclusions and exclusions: the user's id, guests, All.
        string id = user.User.Id;
        bool guest = user.User.UserType == UserType.Guest;
        PolicyBits.Or(included, includeAll);
        OrLookup(included, includeUsers, id);
        OrLookup(excluded, excludeUsers, id);
        if (guest)
        {
            PolicyBits.Or(included, includeGuests);
            PolicyBits.Or(excluded, excludeGuests);
        }

        var memberOf = user.Sections.TransitiveMemberOf;
        if (memberOf.Value is { } objects)
        {
            bool anyGroup = false;
            bool unknownRole = false;
            for (int i = 0; i < objects.Count; i++)
            {
                var item = objects[i];
                if (item.Kind == DirectoryObjectKind.DirectoryRole)
                {
                    if (item.RoleTemplateId is { Length: > 0 } template)
                    {
                        OrLookup(included, includeRoles, template);
                        OrLookup(excluded, excludeRoles, template);
                    }
                    else
                    {
                        unknownRole = true;
                    }
                }
                else
                {
                    anyGroup = true;
                    OrLookup(included, includeGroups, item.Id);
                    OrLookup(excluded, excludeGroups, item.Id);
                }
            }

            if (anyGroup)
            {
                PolicyBits.Or(included, includeAnyGroup);
                PolicyBits.Or(excluded, excludeAnyGroup);
            }

            if (unknownRole)
            {
                // A role without its template id may be any role: a role-scoped policy not decided otherwise is unknown.
                includeByRoles.CopyTo(includedUnknown);
                excludeByRoles.CopyTo(excludedUnknown);
            }
        }
        else
        {
            // Membership not captured: any group- or role-scoped inclusion or exclusion is unknown.
            includeByMembership.CopyTo(includedUnknown);
            excludeByMembership.CopyTo(excludedUnknown);
        }

        for (int i = 0; i < w; i++)
        {
            ulong notExcluded = valid[i] & ~excluded[i];
            ulong inScope = included[i];
            ulong exclusionUnknown = excludedUnknown[i] & ~excluded[i];
            ulong inclusionUnknown = includedUnknown[i] & ~inScope;
            applies[i] = notExcluded & inScope & ~exclusionUnknown;
            unknown[i] = notExcluded & ((inScope & exclusionUnknown) | inclusionUnknown);
        }
    }

    private ulong[] New() => new ulong[Words];

    private static void SetIf(ulong[] set, int bit, bool condition)
    {
        if (condition)
        {
            PolicyBits.Set(set, bit);
        }
    }

    /// <summary>Whether <paramref name="values"/> holds <paramref name="value"/>, as Graph compares ids (ignoring case), without an enumerator.</summary>
    internal static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (Ids.Equals(values[i], value))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(Dictionary<string, ulong[]> sets, IReadOnlyList<string> ids, int bit)
    {
        for (int i = 0; i < ids.Count; i++)
        {
            if (!sets.TryGetValue(ids[i], out var set))
            {
                set = New();
                sets.Add(ids[i], set);
            }

            PolicyBits.Set(set, bit);
        }
    }

    private static void OrLookup(Span<ulong> target, Dictionary<string, ulong[]> sets, string key)
    {
        if (sets.TryGetValue(key, out var set))
        {
            PolicyBits.Or(target, set);
        }
    }
}
