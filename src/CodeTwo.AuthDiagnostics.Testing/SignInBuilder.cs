using System.Net;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// Configures one entry of a user's <c>signIns</c> section (catalog v1.2): a Graph beta <c>signIn</c> object as
/// <c>GET /beta/auditLogs/signIns</c> returns it. Obtain one through
/// <see cref="UserBuilder.SignIn(DateTimeOffset, string, int, Action{SignInBuilder}?)"/>; every method returns the same builder.
/// </summary>
/// <remarks>
/// Defaults: an interactive sign-in (<c>signInEventTypes</c> <c>interactiveUser</c>) to Office 365 Exchange Online
/// (<c>00000002-0000-0ff1-ce00-000000000000</c>), an id derived from the user, the instant, the client app, the error
/// code and the sign-in's position among the user's sign-ins; Microsoft Entra's failure reason for the error code
/// (<c>Other.</c> for 0 and unknown codes), no <c>additionalDetails</c>, an IP address from the documentation range
/// 198.51.100.0/24 derived from the id, Redmond, Washington, US, a device without a name, no applied Conditional
/// Access policy, and a <c>conditionalAccessStatus</c> derived from the applied policies (<c>failure</c> when one
/// failed, else <c>success</c> when one succeeded, else <c>notApplied</c>).
/// </remarks>
/// <example>
/// <code>
/// var snapshot = new SnapshotBuilder()
///     .WithUser("backup@contoso.com", u => u
///         .SignIn(TimeSpan.FromHours(3), "Authenticated SMTP", 53003, s => s
///             .AppliedPolicy("Block legacy authentication", null, "failure")
///             .IpAddress("203.0.113.7")))
///     .Build();
/// </code>
/// </example>
public sealed class SignInBuilder
{
    private readonly List<AppliedPolicySpec> appliedPolicies = [];

    internal SignInBuilder(DateTimeOffset? createdDateTime, TimeSpan before, string clientAppUsed, int errorCode)
    {
        CreatedDateTimeValue = createdDateTime;
        Before = before;
        ClientAppUsedValue = clientAppUsed;
        ErrorCodeValue = errorCode;
    }

    /// <summary>The instant given, or <see langword="null"/> for one relative to <c>capturedAt</c> (<see cref="Before"/>).</summary>
    internal DateTimeOffset? CreatedDateTimeValue { get; }

    /// <summary>How long before <c>capturedAt</c>, when <see cref="CreatedDateTimeValue"/> is <see langword="null"/>.</summary>
    internal TimeSpan Before { get; }

    internal string ClientAppUsedValue { get; }

    internal int ErrorCodeValue { get; }

    internal string? IdValue { get; private set; }

    internal string? FailureReasonValue { get; private set; }

    internal string? AdditionalDetailsValue { get; private set; }

    internal string? ConditionalAccessStatusValue { get; private set; }

    internal string? IpAddressValue { get; private set; }

    internal (string City, string? State, string CountryOrRegion)? LocationValue { get; private set; }

    internal string? DeviceNameValue { get; private set; }

    internal bool Interactive { get; private set; } = true;

    internal (string AppId, string DisplayName)? ApplicationValue { get; private set; }

    internal IReadOnlyList<AppliedPolicySpec> AppliedPolicies => appliedPolicies;

    /// <summary>Sets the sign-in's <c>id</c> instead of the derived one.</summary>
    /// <param name="id">The id (Graph gives a GUID, the request id).</param>
    public SignInBuilder Id(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        IdValue = id;
        return this;
    }

    /// <summary>Sets <c>status.failureReason</c> instead of Microsoft Entra's text for the error code.</summary>
    /// <param name="failureReason">The reason as the log gives it.</param>
    public SignInBuilder FailureReason(string failureReason)
    {
        ArgumentNullException.ThrowIfNull(failureReason);
        FailureReasonValue = failureReason;
        return this;
    }

    /// <summary>Sets <c>status.additionalDetails</c> (by default <c>null</c>).</summary>
    /// <param name="additionalDetails">The details as the log gives them.</param>
    public SignInBuilder AdditionalDetails(string additionalDetails)
    {
        ArgumentNullException.ThrowIfNull(additionalDetails);
        AdditionalDetailsValue = additionalDetails;
        return this;
    }

    /// <summary>
    /// Adds an entry to <c>appliedConditionalAccessPolicies</c>, in call order. <paramref name="id"/> may also be the
    /// display name of a policy added with <see cref="SnapshotBuilder.WithConditionalAccessPolicy"/>: its id is written,
    /// and its display name when <paramref name="displayName"/> is <see langword="null"/>. <c>enforcedGrantControls</c>
    /// are the snapshot policy's built-in controls (<c>Block</c>, <c>Mfa</c>, …), or none for a policy the snapshot
    /// does not have.
    /// </summary>
    /// <param name="id">The policy id, or the display name of a policy of the snapshot.</param>
    /// <param name="displayName">The policy's display name at the time of the sign-in (<see langword="null"/>: the snapshot policy's, else <c>null</c>).</param>
    /// <param name="result">The result as logged: <c>success</c>, <c>failure</c>, <c>notApplied</c>, <c>notEnabled</c>, <c>unknown</c>, <c>reportOnlySuccess</c>, <c>reportOnlyFailure</c>, <c>reportOnlyNotApplied</c>, <c>reportOnlyInterrupted</c>, or any other string.</param>
    public SignInBuilder AppliedPolicy(string id, string? displayName, string result)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(result);
        appliedPolicies.Add(new AppliedPolicySpec(id, displayName, result));
        return this;
    }

    /// <summary>Sets <c>conditionalAccessStatus</c> (<c>success</c>, <c>failure</c>, <c>notApplied</c>, …) instead of the derived one.</summary>
    /// <param name="status">The status as logged.</param>
    public SignInBuilder ConditionalAccessStatus(string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        ConditionalAccessStatusValue = status;
        return this;
    }

    /// <summary>Sets <c>ipAddress</c>.</summary>
    /// <param name="ipAddress">An IPv4 or IPv6 address.</param>
    /// <exception cref="ArgumentException"><paramref name="ipAddress"/> is not an IP address.</exception>
    public SignInBuilder IpAddress(string ipAddress)
    {
        ArgumentNullException.ThrowIfNull(ipAddress);
        if (!IPAddress.TryParse(ipAddress, out _))
        {
            throw new ArgumentException($"Expected an IPv4 or IPv6 address such as 203.0.113.7; got \"{ipAddress}\".", nameof(ipAddress));
        }

        IpAddressValue = ipAddress;
        return this;
    }

    /// <summary>Sets <c>location</c>.</summary>
    /// <param name="city">The city, for example <c>Seattle</c>.</param>
    /// <param name="countryOrRegion">The two-letter country or region code, for example <c>US</c>.</param>
    /// <param name="state">The state or province (<see langword="null"/> writes <c>null</c>).</param>
    public SignInBuilder Location(string city, string countryOrRegion, string? state = null)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(countryOrRegion);
        LocationValue = (city, state, countryOrRegion);
        return this;
    }

    /// <summary>Sets <c>deviceDetail.displayName</c> (by default empty, as for most legacy clients).</summary>
    /// <param name="deviceName">The device's name.</param>
    public SignInBuilder DeviceName(string deviceName)
    {
        ArgumentNullException.ThrowIfNull(deviceName);
        DeviceNameValue = deviceName;
        return this;
    }

    /// <summary>Makes the sign-in non-interactive: <c>isInteractive</c> false, <c>signInEventTypes</c> <c>nonInteractiveUser</c>.</summary>
    public SignInBuilder NonInteractive()
    {
        Interactive = false;
        return this;
    }

    /// <summary>Sets <c>appId</c> and <c>appDisplayName</c> (and the resource) instead of Office 365 Exchange Online.</summary>
    /// <param name="appId">The application id.</param>
    /// <param name="appDisplayName">The application's display name.</param>
    public SignInBuilder Application(string appId, string appDisplayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentNullException.ThrowIfNull(appDisplayName);
        ApplicationValue = (appId, appDisplayName);
        return this;
    }

    /// <summary>One entry of <c>appliedConditionalAccessPolicies</c> as declared.</summary>
    internal sealed record AppliedPolicySpec(string Id, string? DisplayName, string Result);
}
