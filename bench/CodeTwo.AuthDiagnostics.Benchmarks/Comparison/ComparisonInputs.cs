using System.Text.Json;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Benchmarks.Comparison;

// Plain inputs for RulesEngine, converted from a TenantSnapshot ONCE (in GlobalSetup, outside the measured code).
// RulesEngine evaluates its lambda expressions against these objects: it never sees the snapshot's typed model or
// its JSON. Membership sets are case-insensitive HashSets (Graph ids are compared ordinal-ignore-case by the engine
// too), so every `Contains` in an expression is a hash lookup: RulesEngine is measured at its best.
// The types are public because System.Linq.Dynamic.Core binds expressions to public members.

/// <summary>One user's flat facts (the `user` rule parameter).</summary>
public sealed class UserInput
{
    /// <summary>Whether the snapshot holds the user (check 1).</summary>
    public bool Exists { get; init; }

    /// <summary>The object id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The user principal name (not read by the rules; for messages).</summary>
    public string UserPrincipalName { get; init; } = string.Empty;

    /// <summary><c>accountEnabled</c>; null when not captured.</summary>
    public bool? AccountEnabled { get; init; }

    /// <summary><c>userType</c> as Graph writes it (<c>Member</c>, <c>Guest</c>); null when not captured.</summary>
    public string? UserType { get; init; }

    /// <summary>Whether <see cref="UserType"/> is <c>Guest</c> (for the guest scopes of Conditional Access).</summary>
    public bool IsGuest { get; init; }

    /// <summary><c>perUserMfaState</c> as written in the snapshot; null when the section was not captured.</summary>
    public string? PerUserMfaState { get; init; }

    /// <summary>The ids of the groups the user belongs to (transitively).</summary>
    public HashSet<string> GroupIds { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The role template ids of the user's directory roles.</summary>
    public HashSet<string> RoleTemplateIds { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>@odata.type</c> of each registered authentication method.</summary>
    public string[] MethodTypes { get; init; } = [];
}

/// <summary>The tenant-wide facts (the `tenant` rule parameter), shared by every user.</summary>
public sealed class TenantInput
{
    /// <summary><c>mfaServicePolicy.allowAppPasswords</c>; null when not captured or not present.</summary>
    public bool? AllowAppPasswords { get; init; }

    /// <summary>Whether security defaults are enabled; null when not captured.</summary>
    public bool? SecurityDefaultsEnabled { get; init; }

    /// <summary>The Conditional Access policies, flattened.</summary>
    public List<PolicyInput> Policies { get; init; } = [];
}

/// <summary>One Conditional Access policy, flattened to sets of strings as Graph writes them.</summary>
public sealed class PolicyInput
{
    public string Id { get; init; } = string.Empty;

    /// <summary><c>state</c>: <c>enabled</c>, <c>disabled</c>, <c>enabledForReportingButNotEnforced</c>.</summary>
    public string State { get; init; } = string.Empty;

    public HashSet<string> IncludeUsers { get; init; } = Set([]);

    public HashSet<string> ExcludeUsers { get; init; } = Set([]);

    public HashSet<string> IncludeGroups { get; init; } = Set([]);

    public HashSet<string> ExcludeGroups { get; init; } = Set([]);

    public HashSet<string> IncludeRoles { get; init; } = Set([]);

    public HashSet<string> ExcludeRoles { get; init; } = Set([]);

    /// <summary><c>includeGuestsOrExternalUsers</c> set, or <c>GuestsOrExternalUsers</c> in <c>includeUsers</c>.</summary>
    public bool IncludeGuests { get; init; }

    /// <summary><c>excludeGuestsOrExternalUsers</c> set, or <c>GuestsOrExternalUsers</c> in <c>excludeUsers</c>.</summary>
    public bool ExcludeGuests { get; init; }

    public HashSet<string> IncludeApplications { get; init; } = Set([]);

    public HashSet<string> ExcludeApplications { get; init; } = Set([]);

    /// <summary><c>clientAppTypes</c> (<c>all</c>, <c>browser</c>, <c>other</c>, <c>exchangeActiveSync</c>, …); empty means all.</summary>
    public HashSet<string> ClientAppTypes { get; init; } = Set([]);

    /// <summary>How many sign-in dependent conditions (locations, platforms, devices, risk, application filter) are set.</summary>
    public int SignInDependentConditions { get; init; }

    /// <summary>Whether the policy is limited to device code flow and authentication transfer.</summary>
    public bool LimitedToAuthenticationFlows { get; init; }

    /// <summary><c>grantControls.builtInControls</c> (<c>block</c>, <c>mfa</c>, <c>compliantDevice</c>, …).</summary>
    public HashSet<string> BuiltInControls { get; init; } = Set([]);

    public bool HasAuthenticationStrength { get; init; }

    public bool HasTermsOfUse { get; init; }

    internal static HashSet<string> Set(IEnumerable<string> values) => new(values, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Converts a snapshot into the plain inputs above.</summary>
internal static class ComparisonInputs
{
    private const string GuestsOrExternalUsers = "GuestsOrExternalUsers";

    public static TenantInput Tenant(TenantSnapshot snapshot)
    {
        var sections = snapshot.Sections;
        var policies = sections.ConditionalAccessPolicies.Value ?? [];
        return new TenantInput
        {
            AllowAppPasswords = sections.MfaServicePolicy.Value?.AllowAppPasswords,
            SecurityDefaultsEnabled = sections.SecurityDefaults.Value?.IsEnabled,
            Policies = policies.Select(Policy).ToList(),
        };
    }

    public static UserInput User(TenantSnapshot snapshot, string userPrincipalName)
    {
        var entry = snapshot.FindUser(userPrincipalName);
        if (entry is null)
        {
            return new UserInput { Exists = false, UserPrincipalName = userPrincipalName };
        }

        var user = entry.User;
        var groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in entry.Sections.TransitiveMemberOf.Value ?? [])
        {
            if (item.Kind == DirectoryObjectKind.DirectoryRole)
            {
                if (item.RoleTemplateId is { Length: > 0 } template)
                {
                    roles.Add(template);
                }
            }
            else
            {
                groups.Add(item.Id);
            }
        }

        return new UserInput
        {
            Exists = true,
            Id = user.Id,
            UserPrincipalName = user.UserPrincipalName,
            AccountEnabled = user.AccountEnabled,
            UserType = user.UserType?.ToString(),
            IsGuest = user.UserType == UserType.Guest,
            PerUserMfaState = entry.Sections.AuthenticationRequirements.Value?.PerUserMfaStateValue,
            GroupIds = groups,
            RoleTemplateIds = roles,
            MethodTypes = (entry.Sections.AuthenticationMethods.Value ?? []).Select(m => m.ODataType).ToArray(),
        };
    }

    private static PolicyInput Policy(ConditionalAccessPolicy policy)
    {
        var conditions = policy.Conditions;
        var users = conditions.Users;
        var grant = policy.GrantControls;
        return new PolicyInput
        {
            Id = policy.Id,
            State = policy.StateValue,
            IncludeUsers = PolicyInput.Set(users.IncludeUsers),
            ExcludeUsers = PolicyInput.Set(users.ExcludeUsers),
            IncludeGroups = PolicyInput.Set(users.IncludeGroups),
            ExcludeGroups = PolicyInput.Set(users.ExcludeGroups),
            IncludeRoles = PolicyInput.Set(users.IncludeRoles),
            ExcludeRoles = PolicyInput.Set(users.ExcludeRoles),
            IncludeGuests = users.IncludeGuestsOrExternalUsers || users.IncludeUsers.Contains(GuestsOrExternalUsers, StringComparer.OrdinalIgnoreCase),
            ExcludeGuests = users.ExcludeGuestsOrExternalUsers || users.ExcludeUsers.Contains(GuestsOrExternalUsers, StringComparer.OrdinalIgnoreCase),
            IncludeApplications = PolicyInput.Set(conditions.Applications.IncludeApplications),
            ExcludeApplications = PolicyInput.Set(conditions.Applications.ExcludeApplications),
            // The typed model keeps client app types as an enum; Graph's names are the camel-cased members.
            ClientAppTypes = PolicyInput.Set(conditions.ClientAppTypes.Select(t => JsonNamingPolicy.CamelCase.ConvertName(t.ToString()))),
            SignInDependentConditions = conditions.SignInDependentConditions.Count,
            LimitedToAuthenticationFlows = conditions.LimitedToAuthenticationFlows,
            BuiltInControls = PolicyInput.Set(grant?.BuiltInControlValues ?? []),
            HasAuthenticationStrength = grant?.HasAuthenticationStrength == true,
            HasTermsOfUse = grant?.TermsOfUse.Count > 0,
        };
    }
}
