using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// The tenant-wide facts of a snapshot, computed once and shared by every diagnosis of that snapshot:
/// Conditional Access policies pre-classified (disabled ones dropped), the Entra ID P1/P2 licence state,
/// domains by name. Immutable and thread-safe.
/// </summary>
internal sealed class SnapshotIndex
{
    /// <summary>Entra ID P1 (AAD_PREMIUM) service plan id.</summary>
    public static readonly Guid EntraIdP1ServicePlanId = new("41781fb2-bc02-4b7c-bd55-b576c07bb09d");

    /// <summary>Entra ID P2 (AAD_PREMIUM_P2) service plan id.</summary>
    public static readonly Guid EntraIdP2ServicePlanId = new("eec0eb4f-6444-4f95-aba0-50c24d67f998");

    private readonly Dictionary<string, Domain> domains;
    private Dictionary<string, PolicyFacts>? policiesById;

    internal SnapshotIndex(TenantSnapshot snapshot, string targetResourceAppId, SnapshotIndex? previous = null)
    {
        // A simulated change (counterfactual) touches a policy or two: reuse the classification of every policy it kept.
        var reusable = previous is not null && string.Equals(previous.TargetResourceAppId, targetResourceAppId, StringComparison.Ordinal)
            ? previous.Policies.ToDictionary(p => (object)p.Policy, ReferenceEqualityComparer.Instance)
            : null;
        Snapshot = snapshot;
        TargetResourceAppId = targetResourceAppId;

        var skus = snapshot.Sections.SubscribedSkus;
        PremiumLicence = skus.Value is { } list ? HasPremium(list) : null;

        var policies = new List<PolicyFacts>();
        if (snapshot.Sections.ConditionalAccessPolicies.Value is { } all)
        {
            foreach (var policy in all)
            {
                if (policy.State != ConditionalAccessPolicyState.Disabled)
                {
                    policies.Add(reusable?.GetValueOrDefault(policy) is PolicyFacts known ? known : new PolicyFacts(policy, targetResourceAppId));
                }
            }
        }

        Policies = policies;
        EnabledPolicyCount = policies.Count(p => p.Policy.State == ConditionalAccessPolicyState.Enabled);
        EnabledPolicyScopesByGroupsOrRoles = policies.Any(p => p.Policy.State == ConditionalAccessPolicyState.Enabled && p.ScopesByGroupsOrRoles);

        domains = new Dictionary<string, Domain>(StringComparer.OrdinalIgnoreCase);
        if (snapshot.Sections.Domains.Value is { } domainList)
        {
            foreach (var domain in domainList)
            {
                domains.TryAdd(domain.Id, domain);
            }
        }
    }

    /// <summary>The snapshot.</summary>
    public TenantSnapshot Snapshot { get; }

    /// <summary>The target resource the policies were classified for.</summary>
    public string TargetResourceAppId { get; }

    /// <summary>
    /// Whether an Entra ID P1/P2 service plan is present (not <c>Disabled</c>, on a SKU not <c>Deleted</c> or
    /// <c>LockedOut</c>); <see langword="null"/> when <c>subscribedSkus</c> was not captured.
    /// </summary>
    public bool? PremiumLicence { get; }

    /// <summary>
    /// Whether the Conditional Access section is needed: it is not when the licences are known and include no
    /// Entra ID P1/P2, because Conditional Access cannot be in force then.
    /// </summary>
    public bool ConditionalAccessNeeded => PremiumLicence != false;

    /// <summary>How many captured policies have state <c>enabled</c>.</summary>
    public int EnabledPolicyCount { get; }

    /// <summary>Whether an enabled policy scopes users by groups or roles (then <c>transitiveMemberOf</c> is needed).</summary>
    public bool EnabledPolicyScopesByGroupsOrRoles { get; }

    internal IReadOnlyList<PolicyFacts> Policies { get; }

    /// <summary>
    /// The classified policy with this id (disabled policies are not classified), in constant time. The lookup is built
    /// on first use: simulated indexes never need it.
    /// </summary>
    internal PolicyFacts? FindPolicy(string id)
    {
        var byId = policiesById;
        if (byId is null)
        {
            byId = new Dictionary<string, PolicyFacts>(Policies.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var policy in Policies)
            {
                byId.TryAdd(policy.Policy.Id, policy);
            }

            policiesById = byId; // concurrent first uses build equal dictionaries
        }

        return byId.GetValueOrDefault(id);
    }

    /// <summary>The domain with this name, if captured.</summary>
    /// <param name="name">A domain name.</param>
    public Domain? FindDomain(string name) => domains.GetValueOrDefault(name);

    private static bool HasPremium(IReadOnlyList<SubscribedSku> skus)
    {
        foreach (var sku in skus)
        {
            if (sku.CapabilityStatus is SkuCapabilityStatus.Deleted or SkuCapabilityStatus.LockedOut)
            {
                continue;
            }

            foreach (var plan in sku.ServicePlans)
            {
                if ((plan.ServicePlanId == EntraIdP1ServicePlanId || plan.ServicePlanId == EntraIdP2ServicePlanId)
                    && !string.Equals(plan.ProvisioningStatus, "Disabled", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
