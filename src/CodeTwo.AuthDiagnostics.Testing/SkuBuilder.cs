using CodeTwo.AuthDiagnostics.Testing.Internal;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// Configures one subscribed SKU of a <see cref="SnapshotBuilder"/> (an entry of <c>GET /v1.0/subscribedSkus</c>).
/// Obtain one through <see cref="SnapshotBuilder.WithSku"/>; every method returns the same builder.
/// </summary>
/// <example>
/// <code>
/// var snapshot = new SnapshotBuilder()
///     .WithSku("AAD_PREMIUM", "078d2b04-f1bd-4111-bbd4-b4b1b354cef4", sku => sku
///         .ServicePlan("AAD_PREMIUM", KnownLicenses.EntraIdP1ServicePlanId, ServicePlanProvisioningStatus.Disabled)
///         .CapabilityStatus(SkuCapabilityStatus.Warning))
///     .Build();
/// </code>
/// </example>
public sealed class SkuBuilder
{
    internal SkuBuilder(string skuPartNumber, string skuId)
    {
        SkuPartNumberValue = skuPartNumber;
        SkuIdValue = skuId;
    }

    private SkuBuilder(SkuBuilder other)
    {
        SkuPartNumberValue = other.SkuPartNumberValue;
        SkuIdValue = other.SkuIdValue;
        CapabilityStatusValue = other.CapabilityStatusValue;
        EnabledUnits = other.EnabledUnits;
        ConsumedUnits = other.ConsumedUnits;
        Plans.AddRange(other.Plans);
    }

    internal string SkuPartNumberValue { get; }

    internal string SkuIdValue { get; }

    internal string CapabilityStatusValue { get; private set; } = "Enabled";

    internal int? EnabledUnits { get; private set; }

    internal int? ConsumedUnits { get; private set; }

    internal List<ServicePlanSpec> Plans { get; } = [];

    /// <summary>Sets <c>capabilityStatus</c> (default <c>Enabled</c>). <see cref="SkuCapabilityStatus.Unknown"/> writes <c>unknownFutureValue</c>.</summary>
    /// <param name="status">The subscription's state.</param>
    public SkuBuilder CapabilityStatus(SkuCapabilityStatus status)
    {
        CapabilityStatusValue = GraphText.Of(status);
        return this;
    }

    /// <summary>Adds a service plan, or changes the one with the same id.</summary>
    /// <param name="servicePlanName">The plan name, for example <c>AAD_PREMIUM</c>.</param>
    /// <param name="servicePlanId">The plan id (a GUID), for example <see cref="KnownLicenses.EntraIdP1ServicePlanId"/>.</param>
    /// <param name="provisioningStatus">The plan's provisioning status.</param>
    /// <param name="appliesTo"><c>User</c> or <c>Company</c>.</param>
    public SkuBuilder ServicePlan(string servicePlanName, string servicePlanId, ServicePlanProvisioningStatus provisioningStatus = ServicePlanProvisioningStatus.Success, string appliesTo = "User")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(servicePlanName);
        ArgumentNullException.ThrowIfNull(servicePlanId);
        ArgumentException.ThrowIfNullOrWhiteSpace(appliesTo);
        if (!DeterministicIds.IsGuid(servicePlanId))
        {
            throw new ArgumentException($"A service plan id is a GUID; got \"{servicePlanId}\".", nameof(servicePlanId));
        }

        var plan = new ServicePlanSpec(servicePlanName, servicePlanId.ToLowerInvariant(), GraphText.Of(provisioningStatus), appliesTo);
        int index = Plans.FindIndex(p => p.Id == plan.Id);
        if (index >= 0)
        {
            Plans[index] = plan;
        }
        else
        {
            Plans.Add(plan);
        }

        return this;
    }

    /// <summary>Changes the provisioning status of the plan with <paramref name="servicePlanId"/>.</summary>
    /// <param name="servicePlanId">The plan id.</param>
    /// <param name="provisioningStatus">The new status, for example <see cref="ServicePlanProvisioningStatus.Disabled"/>.</param>
    /// <exception cref="ArgumentException">The SKU has no such plan.</exception>
    public SkuBuilder ServicePlanStatus(string servicePlanId, ServicePlanProvisioningStatus provisioningStatus)
    {
        ArgumentNullException.ThrowIfNull(servicePlanId);
        int index = Plans.FindIndex(p => string.Equals(p.Id, servicePlanId, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new ArgumentException($"SKU {SkuPartNumberValue} has no service plan {servicePlanId}.", nameof(servicePlanId));
        }

        Plans[index] = Plans[index] with { ProvisioningStatus = GraphText.Of(provisioningStatus) };
        return this;
    }

    /// <summary>Removes the plan with <paramref name="servicePlanId"/>, if present.</summary>
    /// <param name="servicePlanId">The plan id.</param>
    public SkuBuilder WithoutServicePlan(string servicePlanId)
    {
        ArgumentNullException.ThrowIfNull(servicePlanId);
        Plans.RemoveAll(p => string.Equals(p.Id, servicePlanId, StringComparison.OrdinalIgnoreCase));
        return this;
    }

    /// <summary>Sets <c>prepaidUnits.enabled</c> and <c>consumedUnits</c> (by default derived from the number of users).</summary>
    /// <param name="enabled">Licences bought.</param>
    /// <param name="consumed">Licences assigned.</param>
    public SkuBuilder Units(int enabled, int consumed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(enabled);
        ArgumentOutOfRangeException.ThrowIfNegative(consumed);
        EnabledUnits = enabled;
        ConsumedUnits = consumed;
        return this;
    }

    internal SkuBuilder Clone() => new(this);

    internal static SkuBuilder BusinessStandard() => From("O365_BUSINESS_PREMIUM", KnownLicenses.BusinessStandardSkuId, SkuCatalog.BusinessStandardPlans);

    internal static SkuBuilder BusinessPremium() => From("SPB", KnownLicenses.BusinessPremiumSkuId, SkuCatalog.BusinessPremiumPlans);

    internal static SkuBuilder Microsoft365E5() => From("SPE_E5", KnownLicenses.Microsoft365E5SkuId, SkuCatalog.Microsoft365E5Plans);

    private static SkuBuilder From(string partNumber, string skuId, (string Name, string Id, string AppliesTo)[] plans)
    {
        var sku = new SkuBuilder(partNumber, skuId);
        foreach (var (name, id, appliesTo) in plans)
        {
            sku.Plans.Add(new ServicePlanSpec(name, id, "Success", appliesTo));
        }

        return sku;
    }
}

/// <summary>One service plan of a SKU, with Graph strings.</summary>
internal sealed record ServicePlanSpec(string Name, string Id, string ProvisioningStatus, string AppliesTo);
