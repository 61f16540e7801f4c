namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>One entry of <c>GET /v1.0/subscribedSkus</c>: a licence the tenant subscribes to.</summary>
internal sealed record SubscribedSku : GraphObject
{
    /// <summary>The SKU id.</summary>
    public Guid? SkuId { get; internal init; }

    /// <summary>The SKU part number, for example <c>SPB</c>.</summary>
    public string? SkuPartNumber { get; internal init; }

    /// <summary>The subscription's state.</summary>
    public SkuCapabilityStatus CapabilityStatus { get; internal init; }

    /// <summary>The service plans the SKU includes.</summary>
    public IReadOnlyList<ServicePlan> ServicePlans { get; internal init; } = [];

    /// <summary>The position of this SKU in the section's array.</summary>
    public int Index { get; internal init; }
}

/// <summary>A service plan of a <see cref="SubscribedSku"/>.</summary>
/// <param name="ServicePlanId">The service plan id (for Entra ID P1: <c>41781fb2-bc02-4b7c-bd55-b576c07bb09d</c>).</param>
/// <param name="ServicePlanName">The service plan name (for Entra ID P1: <c>AAD_PREMIUM</c>).</param>
/// <param name="ProvisioningStatus">The provisioning status as Graph writes it (<c>Success</c>, <c>Disabled</c>, …).</param>
internal sealed record ServicePlan(Guid ServicePlanId, string? ServicePlanName, string? ProvisioningStatus);
