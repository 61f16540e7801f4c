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
    private Dictionary<string, ConditionalAccessPolicy>? capturedPoliciesById;
    private PolicyScopes? scopes;
    private Catalog.ConditionalAccessRule.PolicyClasses? classes;
    private Acceptances? acceptances;

    internal SnapshotIndex(TenantSnapshot snapshot, DiagnosticsSettings settings)
    {
        Snapshot = snapshot;
        Settings = settings;
        TargetResourceAppId = settings.TargetResourceAppId;

        var skus = snapshot.Sections.SubscribedSkus;
        PremiumLicence = skus.Value is { } list ? HasPremium(list) : null;

        var policies = new List<PolicyFacts>();
        if (snapshot.Sections.ConditionalAccessPolicies.Value is { } all)
        {
            foreach (var policy in all)
            {
                if (ClassifiedPolicies.IsClassified(policy))
                {
                    policies.Add(new PolicyFacts(policy, TargetResourceAppId, policies.Count));
                }
            }
        }

        Policies = policies;
        EnabledPolicyCount = policies.Count(p => p.Policy.State == ConditionalAccessPolicyState.Enabled);
        EnabledPolicyScopesByGroupsOrRoles = policies.Any(p => p.Policy.State == ConditionalAccessPolicyState.Enabled && p.ScopesByGroupsOrRoles);
        Protocols = DeclaredProtocols.For(settings, snapshot.CapturedAt);

        domains = new Dictionary<string, Domain>(StringComparer.OrdinalIgnoreCase);
        if (snapshot.Sections.Domains.Value is { } domainList)
        {
            foreach (var domain in domainList)
            {
                domains.TryAdd(domain.Id, domain);
            }
        }

        FederatedDomains = domains.Values.Where(d => d.AuthenticationType == DomainAuthenticationType.Federated).Select(d => d.Id).ToArray();
    }

    /// <summary>The snapshot.</summary>
    public TenantSnapshot Snapshot { get; }

    /// <summary>The settings of the engine the index was built for.</summary>
    public DiagnosticsSettings Settings { get; }

    /// <summary>The declared protocols on the capture date.</summary>
    public DeclaredProtocols Protocols { get; }

    /// <summary>The names of the captured federated domains.</summary>
    public IReadOnlyList<string> FederatedDomains { get; }

    /// <summary>The policies' scopes as bit sets (bit <c>i</c> = <c>Policies[i]</c>), built on first use.</summary>
    internal PolicyScopes Scopes => scopes ??= new PolicyScopes(Policies); // concurrent first uses build equal values

    /// <summary>The policies' classes as bit sets (what each would do to an app-password sign-in), built on first use.</summary>
    internal Catalog.ConditionalAccessRule.PolicyClasses Classes => classes ??= new Catalog.ConditionalAccessRule.PolicyClasses(Policies, Settings);

    /// <summary>The host's accepted risks on the capture date (in force or expired, policies resolved), built on first use.</summary>
    internal Acceptances Acceptances => acceptances ??= Acceptances.For(Settings.AcceptedRisks, this); // concurrent first uses build equal values

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

    /// <summary>
    /// The policy of the captured Conditional Access section with this id, whatever its state (disabled ones included),
    /// in constant time; built on first use (only the sign-in log's policy names ask, catalog v1.2).
    /// </summary>
    internal ConditionalAccessPolicy? FindCapturedPolicy(string id)
    {
        var byId = capturedPoliciesById;
        if (byId is null)
        {
            var all = Snapshot.Sections.ConditionalAccessPolicies.Value ?? [];
            byId = new Dictionary<string, ConditionalAccessPolicy>(all.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var policy in all)
            {
                byId.TryAdd(policy.Id, policy);
            }

            capturedPoliciesById = byId; // concurrent first uses build equal dictionaries
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
