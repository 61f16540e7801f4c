using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// A Conditional Access policy pre-classified once per snapshot: scope sets for constant-time user checks, target
/// resource, legacy client coverage and grant requirements.
/// </summary>
internal sealed class PolicyFacts
{
    private const string RegisterSecurityInfo = "urn:user:registersecurityinfo";
    private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

    private readonly HashSet<string> includeUsers;
    private readonly HashSet<string> excludeUsers;
    private readonly HashSet<string> includeGroups;
    private readonly HashSet<string> excludeGroups;
    private readonly HashSet<string> includeRoles;
    private readonly HashSet<string> excludeRoles;
    private readonly bool includeAll;
    private readonly bool includeGuests;
    private readonly bool excludeGuests;
    private string? statePointer;
    private string? stateJson;
    private string? quotedName;
    private IReadOnlyList<Evidence>? policyEvidence;
    private string? legacyEffect;
    private string? signInDependence;

    public PolicyFacts(ConditionalAccessPolicy policy, string targetResourceAppId, int bit = 0)
    {
        Policy = policy;
        Bit = bit;
        Pointer = JsonPointer.TenantSection("conditionalAccessPolicies", "value", policy.Index);
        var users = policy.Conditions.Users;
        includeUsers = new HashSet<string>(users.IncludeUsers, Ids);
        excludeUsers = new HashSet<string>(users.ExcludeUsers, Ids);
        includeGroups = new HashSet<string>(users.IncludeGroups, Ids);
        excludeGroups = new HashSet<string>(users.ExcludeGroups, Ids);
        includeRoles = new HashSet<string>(users.IncludeRoles, Ids);
        excludeRoles = new HashSet<string>(users.ExcludeRoles, Ids);
        includeAll = includeUsers.Contains("All");
        includeGuests = users.IncludeGuestsOrExternalUsers || includeUsers.Contains("GuestsOrExternalUsers");
        excludeGuests = users.ExcludeGuestsOrExternalUsers || excludeUsers.Contains("GuestsOrExternalUsers");
        NeverApplies = includeUsers.Contains("None") && !includeAll && includeUsers.Count == 1 && includeGroups.Count == 0 && includeRoles.Count == 0 && !includeGuests;
        ScopesByGroupsOrRoles = includeGroups.Count + excludeGroups.Count + includeRoles.Count + excludeRoles.Count > 0;
        ScopesByRoles = includeRoles.Count + excludeRoles.Count > 0;
        LimitedToAuthenticationFlows = policy.Conditions.LimitedToAuthenticationFlows;

        var apps = policy.Conditions.Applications;
        bool included = apps.IncludeApplications.Any(a => Ids.Equals(a, "All") || Ids.Equals(a, "Office365") || Ids.Equals(a, targetResourceAppId));
        bool excluded = apps.ExcludeApplications.Any(a => Ids.Equals(a, "Office365") || Ids.Equals(a, targetResourceAppId));
        TargetsResource = included && !excluded;
        TargetsSecurityInfoRegistration = apps.IncludeUserActions.Any(a => Ids.Equals(a, RegisterSecurityInfo));

        var types = policy.Conditions.ClientAppTypes;
        if (types.Count == 0 || types.Contains(ClientAppType.All) || types.Contains(ClientAppType.Other) || types.Contains(ClientAppType.Unknown))
        {
            // No list means all client types; an unknown value is read as possibly legacy (in doubt, warn).
            Coverage = ClientCoverage.AllLegacy;
        }
        else if (types.Any(t => t is ClientAppType.ExchangeActiveSync or ClientAppType.EasSupported or ClientAppType.EasUnsupported))
        {
            Coverage = ClientCoverage.ExchangeActiveSyncOnly;
        }
        else
        {
            Coverage = ClientCoverage.None;
        }

        var grant = policy.GrantControls;
        Blocks = grant?.BuiltInControls.Contains(BuiltInControl.Block) == true;
        var unsatisfiable = new List<string>();
        if (grant is not null)
        {
            for (int i = 0; i < grant.BuiltInControls.Count; i++)
            {
                if (grant.BuiltInControls[i] != BuiltInControl.Block)
                {
                    unsatisfiable.Add(grant.BuiltInControlValues[i]);
                }
            }

            if (grant.HasAuthenticationStrength)
            {
                unsatisfiable.Add("authenticationStrength" + (grant.AuthenticationStrengthName is { } name ? $" ({name})" : string.Empty));
            }

            if (grant.TermsOfUse.Count > 0)
            {
                unsatisfiable.Add("termsOfUse");
            }

            if (grant.CustomAuthenticationFactors.Count > 0)
            {
                unsatisfiable.Add("customAuthenticationFactors");
            }
        }

        UnsatisfiableGrants = unsatisfiable;
        RequiresMfa = grant is not null && (grant.BuiltInControls.Contains(BuiltInControl.Mfa) || grant.HasAuthenticationStrength);
    }

    public ConditionalAccessPolicy Policy { get; }

    /// <summary>The policy's position among the classified policies of its index: its bit in the index's policy sets.</summary>
    public int Bit { get; }

    /// <summary>Whether <c>includeUsers</c> is just <c>None</c> (and nothing else includes anyone): the policy applies to nobody.</summary>
    public bool NeverApplies { get; }

    /// <summary>Whether <c>includeUsers</c> has <c>All</c>.</summary>
    public bool IncludesAll => includeAll;

    /// <summary>Whether guests and external users are included.</summary>
    public bool IncludesGuests => includeGuests;

    /// <summary>Whether guests and external users are excluded.</summary>
    public bool ExcludesGuests => excludeGuests;

    /// <summary>The JSON pointer of the policy in the snapshot, computed once.</summary>
    public string Pointer { get; }

    /// <summary>Where the policy's state is, as a JSON pointer (computed once: every user's findings share it).</summary>
    public string StatePointer => statePointer ??= Pointer + "/state";

    /// <summary>The policy's state as evidence JSON (computed once).</summary>
    public string StateJson => stateJson ??= Catalog.EvidenceValues.String(Policy.StateValue);

    /// <summary>What the policy does to a legacy client, as findings say it (computed once).</summary>
    public string LegacyEffect => legacyEffect ??= Blocks
        ? "blocks legacy clients"
        : $"requires {string.Join(" and ", UnsatisfiableGrants)}, which a legacy client cannot satisfy";

    /// <summary>Why whether the policy applies depends on the sign-in, as findings say it (computed once).</summary>
    public string SignInDependence => signInDependence ??=
        $"it also has {string.Join(", ", Policy.Conditions.SignInDependentConditions)} conditions, so whether it applies depends on the sign-in";

    /// <summary>The policy's display name in quotes, as findings name it (computed once).</summary>
    public string QuotedName => quotedName ??= $"'{Policy.DisplayName ?? Policy.Id}'";

    /// <summary>
    /// Evidence that depends on the policy alone, built on first use and then shared by every user's findings (read-only).
    /// Concurrent first uses may each build it; they build the same value.
    /// </summary>
    /// <param name="build">Builds the evidence from this policy.</param>
    public IReadOnlyList<Evidence> PolicyEvidence(Func<PolicyFacts, Evidence[]> build) =>
        policyEvidence ??= Array.AsReadOnly(build(this));

    public bool ScopesByGroupsOrRoles { get; }

    /// <summary>Whether <c>includeRoles</c> or <c>excludeRoles</c> names a role.</summary>
    public bool ScopesByRoles { get; }

    /// <summary>
    /// Whether the policy is limited to device code flow and authentication transfer (<c>authenticationFlows</c>): it
    /// never applies to an app-password sign-in.
    /// </summary>
    public bool LimitedToAuthenticationFlows { get; }

    /// <summary>
    /// Whether the policy, once it applies to a user, is a certain blocker of app-password sign-ins (APW020/APW021 when
    /// enabled): it targets the resource, covers the legacy clients in question, blocks or requires what a legacy client
    /// cannot satisfy, and has no condition that depends on the sign-in.
    /// </summary>
    /// <param name="easDeclared">Whether the host declares Exchange ActiveSync (then an EAS-only policy counts).</param>
    public bool BlocksAppPasswordSignIns(bool easDeclared) =>
        !LimitedToAuthenticationFlows
        && TargetsResource
        && (Coverage == ClientCoverage.AllLegacy || (Coverage == ClientCoverage.ExchangeActiveSyncOnly && easDeclared))
        && (Blocks || UnsatisfiableGrants.Count > 0)
        && Policy.Conditions.SignInDependentConditions.Count == 0;

    public bool TargetsResource { get; }

    public bool TargetsSecurityInfoRegistration { get; }

    public ClientCoverage Coverage { get; }

    public bool Blocks { get; }

    /// <summary>Grant requirements a legacy client cannot satisfy (as Graph names them).</summary>
    public IReadOnlyList<string> UnsatisfiableGrants { get; }

    public bool RequiresMfa { get; }

    /// <summary>
    /// Whether the policy applies to the user; <see langword="null"/> when group or role membership is unknown and decides
    /// it: <c>transitiveMemberOf</c> not captured, or a role-scoped policy and a directory role captured without
    /// <c>roleTemplateId</c>.
    /// </summary>
    public bool? AppliesTo(UserFacts user)
    {
        if (NeverApplies)
        {
            return false;
        }

        // Exclusions win: a definite exclusion answers at once.
        if (excludeUsers.Contains(user.Id) || (excludeGuests && user.IsGuest))
        {
            return false;
        }

        bool? excludedByMembership = Intersects(excludeGroups, excludeRoles, user);
        if (excludedByMembership == true)
        {
            return false;
        }

        bool included = includeAll || includeUsers.Contains(user.Id) || (includeGuests && user.IsGuest);
        bool? includedByMembership = included ? true : Intersects(includeGroups, includeRoles, user);
        if (includedByMembership == false)
        {
            return false;
        }

        if (includedByMembership is null || excludedByMembership is null)
        {
            return null;
        }

        return true;
    }

    private static bool? Intersects(HashSet<string> groups, HashSet<string> roles, UserFacts user)
    {
        if (groups.Count == 0 && roles.Count == 0)
        {
            return false;
        }

        if (!user.MembershipKnown)
        {
            return null;
        }

        if (Overlaps(groups, user.GroupIds) || Overlaps(roles, user.RoleTemplateIds) || (groups.Contains("All") && user.GroupIds.Count > 0))
        {
            return true;
        }

        // A role whose template id was not captured may be any role: it decides nothing, so the answer is unknown.
        return roles.Count > 0 && user.UnknownRoles.Count > 0 ? null : false;
    }

    private static bool Overlaps(HashSet<string> policySet, HashSet<string> userSet)
    {
        if (policySet.Count == 0 || userSet.Count == 0)
        {
            return false;
        }

        // Iterate the smaller set: linear in min(|policy|, |user|).
        var (small, large) = policySet.Count <= userSet.Count ? (policySet, userSet) : (userSet, policySet);
        foreach (string id in small)
        {
            if (large.Contains(id))
            {
                return true;
            }
        }

        return false;
    }
}
