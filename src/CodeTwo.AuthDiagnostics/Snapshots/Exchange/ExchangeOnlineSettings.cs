using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Snapshots.Exchange;

/// <summary>
/// The optional tenant section <c>exchangeOnline</c>: the SMTP AUTH switches of Exchange Online, which no Graph API
/// exposes. They come from Exchange Online PowerShell (<c>Get-TransportConfig</c>, <c>Get-OrganizationConfig</c>,
/// <c>Get-AuthenticationPolicy</c>, <c>Get-CASMailbox</c>, <c>Get-User</c>); the CLI's <c>exchange-script</c> prints a
/// read-only script that writes this section's value. Unknown extra properties are kept in <see cref="GraphObject.Json"/>.
/// </summary>
internal sealed record ExchangeOnlineSettings : GraphObject
{
    private readonly IReadOnlyList<ExchangeMailboxSettings> users = [];
    private readonly Dictionary<string, ExchangeMailboxSettings> usersById = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>smtpClientAuthenticationDisabled</c>: <c>Get-TransportConfig</c>'s tenant-wide switch (<see langword="true"/> = SMTP AUTH off).</summary>
    public bool SmtpClientAuthenticationDisabled { get; internal init; }

    /// <summary><c>defaultAuthenticationPolicy</c>: <c>Get-OrganizationConfig</c>'s <c>DefaultAuthenticationPolicy</c>; <see langword="null"/> when none is set.</summary>
    public string? DefaultAuthenticationPolicy { get; internal init; }

    /// <summary><c>authenticationPolicies</c>: every authentication policy (<c>Get-AuthenticationPolicy</c>), in document order.</summary>
    public IReadOnlyList<ExchangeAuthenticationPolicy> AuthenticationPolicies { get; internal init; } = [];

    /// <summary><c>users</c>: the mailbox settings by user object id (<c>Get-CASMailbox</c>, <c>Get-User</c>), in document order.</summary>
    public IReadOnlyList<ExchangeMailboxSettings> Users
    {
        get => users;
        internal init
        {
            users = value;
            usersById = BuildIndex(value);
        }
    }

    /// <summary>The authentication policy with this name (case-insensitive, as Exchange compares names), if captured.</summary>
    /// <param name="name">The policy name.</param>
    public ExchangeAuthenticationPolicy? FindAuthenticationPolicy(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var policy in AuthenticationPolicies)
        {
            if (string.Equals(policy.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return policy;
            }
        }

        return null;
    }

    /// <summary>The mailbox settings of the user with this object id (case-insensitive), if captured.</summary>
    /// <param name="userId">The user's object id.</param>
    public ExchangeMailboxSettings? FindUser(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return usersById.GetValueOrDefault(userId);
    }

    private static Dictionary<string, ExchangeMailboxSettings> BuildIndex(IReadOnlyList<ExchangeMailboxSettings> users)
    {
        var index = new Dictionary<string, ExchangeMailboxSettings>(users.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            index.TryAdd(user.UserId, user);
        }

        return index;
    }
}

/// <summary>One entry of <c>exchangeOnline.authenticationPolicies</c> (<c>Get-AuthenticationPolicy</c>).</summary>
internal sealed record ExchangeAuthenticationPolicy : GraphObject
{
    /// <summary><c>name</c>: the policy name (tenant text).</summary>
    public string Name { get; internal init; } = string.Empty;

    /// <summary><c>allowBasicAuthSmtp</c>: whether the policy lets SMTP AUTH use Basic authentication.</summary>
    public bool AllowBasicAuthSmtp { get; internal init; }

    /// <summary>The position of the policy in the array.</summary>
    public int Index { get; internal init; }
}

/// <summary>One member of <c>exchangeOnline.users</c>: a mailbox's SMTP AUTH settings, keyed by the user's object id.</summary>
internal sealed record ExchangeMailboxSettings : GraphObject
{
    /// <summary>The user's object id (the member's name in <c>users</c>).</summary>
    public string UserId { get; internal init; } = string.Empty;

    /// <summary>
    /// <c>smtpClientAuthenticationDisabled</c> (<c>Get-CASMailbox</c>): <see langword="true"/> = off for this mailbox,
    /// <see langword="false"/> = on, <see langword="null"/> = follows the tenant.
    /// </summary>
    public bool? SmtpClientAuthenticationDisabled { get; internal init; }

    /// <summary><c>authenticationPolicy</c> (<c>Get-User</c>): the user's own authentication policy; <see langword="null"/> = the organisation's default.</summary>
    public string? AuthenticationPolicy { get; internal init; }
}
