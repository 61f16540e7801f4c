using System.Net;
using CodeTwo.AuthDiagnostics.Testing.Internal;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// Configures Microsoft's answer to one What-If request (<c>POST /v1.0/identity/conditionalAccess/evaluate</c>) of a
/// user's <c>conditionalAccessEvaluation</c> section (catalog v1.2): one <c>whatIfAnalysisResult</c> per policy, in
/// call order. Obtain one through <see cref="UserBuilder.WhatIf(ClientAppType, Action{WhatIfBuilder})"/> or
/// <see cref="UserBuilder.WhatIfRegisterSecurityInfo"/>; every method returns the same builder.
/// </summary>
/// <remarks>
/// A result is the snapshot's full Conditional Access policy JSON when the snapshot has the policy (by id, or by the
/// display name given to <see cref="SnapshotBuilder.WithConditionalAccessPolicy"/>), else a minimal
/// <c>{ "id", "displayName": null, "state": "enabled" }</c>; then <c>policyApplies</c> and <c>analysisReasons</c>.
/// </remarks>
public sealed class WhatIfBuilder
{
    private readonly List<ResultSpec> results = [];

    internal WhatIfBuilder()
    {
    }

    internal IReadOnlyList<ResultSpec> Results => results;

    internal string? IpAddressValue { get; private set; }

    internal string? CountryValue { get; private set; }

    /// <summary>The policy applies to the evaluated sign-in: <c>policyApplies</c> true, <c>analysisReasons</c> <c>notSet</c>.</summary>
    /// <param name="policyId">The policy id, or the display name of a policy of the snapshot.</param>
    public WhatIfBuilder Applies(string policyId) => Result(policyId, true, "notSet");

    /// <summary>The policy does not apply: <c>policyApplies</c> false with Microsoft's reasons.</summary>
    /// <param name="policyId">The policy id, or the display name of a policy of the snapshot.</param>
    /// <param name="analysisReasons">Graph's flags, comma-separated: <c>users</c>, <c>application</c>, <c>clientApps</c>, <c>location</c>, <c>notEnoughInformation</c>, …</param>
    public WhatIfBuilder DoesNotApply(string policyId, string analysisReasons)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(analysisReasons);
        return Result(policyId, false, analysisReasons);
    }

    /// <summary>Adds a result, or replaces the one for the same policy (keeping its position).</summary>
    /// <param name="policyId">The policy id, or the display name of a policy of the snapshot.</param>
    /// <param name="policyApplies">Whether the policy applies.</param>
    /// <param name="analysisReasons">The <c>analysisReasons</c> string, written as given.</param>
    public WhatIfBuilder Result(string policyId, bool policyApplies, string analysisReasons)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policyId);
        ArgumentNullException.ThrowIfNull(analysisReasons);
        var result = new ResultSpec(policyId, policyApplies, analysisReasons);
        int index = results.FindIndex(r => string.Equals(r.PolicyId, policyId, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            results[index] = result;
        }
        else
        {
            results.Add(result);
        }

        return this;
    }

    /// <summary>Sends <c>signInConditions.ipAddress</c> in the request (the capture sends the newest legacy sign-in's).</summary>
    /// <param name="ipAddress">An IPv4 or IPv6 address.</param>
    /// <exception cref="ArgumentException"><paramref name="ipAddress"/> is not an IP address.</exception>
    public WhatIfBuilder IpAddress(string ipAddress)
    {
        ArgumentNullException.ThrowIfNull(ipAddress);
        if (!IPAddress.TryParse(ipAddress, out _))
        {
            throw new ArgumentException($"Expected an IPv4 or IPv6 address such as 203.0.113.7; got \"{ipAddress}\".", nameof(ipAddress));
        }

        IpAddressValue = ipAddress;
        return this;
    }

    /// <summary>Sends <c>signInConditions.country</c> in the request.</summary>
    /// <param name="countryOrRegion">The two-letter country or region code, for example <c>US</c>.</param>
    public WhatIfBuilder Country(string countryOrRegion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(countryOrRegion);
        CountryValue = countryOrRegion;
        return this;
    }

    /// <summary>One result as declared.</summary>
    internal sealed record ResultSpec(string PolicyId, bool PolicyApplies, string AnalysisReasons);
}

/// <summary>One What-If request of a user as declared: its context and Microsoft's answer.</summary>
/// <param name="ContextType">The <c>signInContext</c>'s <c>@odata.type</c>.</param>
/// <param name="ApplicationId">For an application context, the app in <c>includeApplications</c>.</param>
/// <param name="UserAction">For a user-action context, the action.</param>
/// <param name="ClientAppType">The Graph text of <c>signInConditions.clientAppType</c>.</param>
/// <param name="Answer">The results and the request's optional conditions.</param>
internal sealed record WhatIfSpec(string ContextType, string? ApplicationId, string? UserAction, string ClientAppType, WhatIfBuilder Answer)
{
    public const string ApplicationContext = "#microsoft.graph.applicationContext";
    public const string UserActionContext = "#microsoft.graph.userActionContext";

    public static string ClientAppTypeText(ClientAppType type) => GraphText.Of(type);
}
