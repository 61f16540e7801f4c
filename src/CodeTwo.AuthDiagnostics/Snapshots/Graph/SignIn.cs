namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>
/// One entry of <c>GET /beta/auditLogs/signIns</c> (catalog v1.2, the <c>signIns</c> user section): a sign-in of the
/// user, with the members the diagnosis reads. The payload stays Graph-native in <see cref="GraphObject.Json"/>.
/// </summary>
internal sealed record SignIn : GraphObject
{
    /// <summary>The sign-in's id (a request id).</summary>
    public string Id { get; internal init; } = string.Empty;

    /// <summary>When the sign-in happened.</summary>
    public DateTimeOffset CreatedDateTime { get; internal init; }

    /// <summary>The client app as the log names it (<c>Authenticated SMTP</c>, <c>IMAP4</c>, <c>Other clients</c>, <c>Browser</c>, …).</summary>
    public string ClientAppUsed { get; internal init; } = string.Empty;

    /// <summary><c>status.errorCode</c>: 0 for success, else Microsoft Entra's error code (53003, 50076, 50126, …).</summary>
    public int ErrorCode { get; internal init; }

    /// <summary><c>status.failureReason</c>, when the log gives one.</summary>
    public string? FailureReason { get; internal init; }

    /// <summary>The Conditional Access policies the sign-in met (<c>appliedConditionalAccessPolicies</c>), in log order.</summary>
    public IReadOnlyList<AppliedConditionalAccessPolicy> AppliedConditionalAccessPolicies { get; internal init; } = [];

    /// <summary>The client's IP address, when logged.</summary>
    public string? IpAddress { get; internal init; }

    /// <summary><c>location.countryOrRegion</c>, when logged.</summary>
    public string? CountryOrRegion { get; internal init; }

    /// <summary>The position of this sign-in in the section's array.</summary>
    public int Index { get; internal init; }

    /// <summary>Whether <see cref="ClientAppUsed"/> is a legacy client (<see cref="LegacyClientApps"/>).</summary>
    internal bool IsLegacy { get; init; }

    /// <summary>The legacy protocol of <see cref="ClientAppUsed"/>; <see cref="LegacyProtocols.None"/> for <c>Other clients</c> and non-legacy clients.</summary>
    internal LegacyProtocols Protocol { get; init; }
}

/// <summary>One entry of a sign-in's <c>appliedConditionalAccessPolicies</c>.</summary>
internal sealed record AppliedConditionalAccessPolicy
{
    /// <summary>The policy id.</summary>
    public string Id { get; internal init; } = string.Empty;

    /// <summary>The policy's display name at the time of the sign-in.</summary>
    public string? DisplayName { get; internal init; }

    /// <summary><c>result</c> as logged (<c>success</c>, <c>failure</c>, <c>notApplied</c>, <c>reportOnlyFailure</c>, …; unknown values kept).</summary>
    public string Result { get; internal init; } = string.Empty;

    /// <summary>The position of this entry in <c>appliedConditionalAccessPolicies</c>.</summary>
    public int Index { get; internal init; }
}
