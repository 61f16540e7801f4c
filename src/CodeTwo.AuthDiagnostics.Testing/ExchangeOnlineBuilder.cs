using CodeTwo.AuthDiagnostics.Testing.Internal;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// Configures the optional <c>exchangeOnline</c> tenant section of a <see cref="SnapshotBuilder"/>: the SMTP AUTH
/// switches that Exchange Online PowerShell reads (<c>Get-TransportConfig</c>, <c>Get-OrganizationConfig</c>,
/// <c>Get-AuthenticationPolicy</c>, <c>Get-CASMailbox</c>, <c>Get-User</c>), written exactly as the CLI's
/// <c>exchange-script</c> writes them. Obtain one through <see cref="SnapshotBuilder.WithExchangeOnline"/>; every method
/// returns the same builder.
/// </summary>
/// <remarks>
/// Defaults: SMTP AUTH not disabled for the tenant (<c>smtpClientAuthenticationDisabled</c> false), no default
/// authentication policy, no policy, no mailbox (a user missing from <c>users</c> follows the tenant and the default
/// policy).
/// </remarks>
/// <example>
/// <code>
/// var snapshot = new SnapshotBuilder()
///     .WithUser("scanner@contoso.com")
///     .WithExchangeOnline(x => x
///         .AuthenticationPolicy("Block Basic Auth", allowBasicAuthSmtp: false)
///         .DefaultAuthenticationPolicy("Block Basic Auth")
///         .Mailbox("scanner@contoso.com", smtpClientAuthenticationDisabled: false))
///     .Build();
/// </code>
/// </example>
public sealed class ExchangeOnlineBuilder
{
    private readonly List<(string Name, bool AllowBasicAuthSmtp)> policies = [];
    private readonly List<MailboxSpec> mailboxes = [];

    internal ExchangeOnlineBuilder()
    {
    }

    private ExchangeOnlineBuilder(ExchangeOnlineBuilder other)
    {
        TenantSmtpClientAuthenticationDisabled = other.TenantSmtpClientAuthenticationDisabled;
        DefaultPolicy = other.DefaultPolicy;
        policies.AddRange(other.policies);
        mailboxes.AddRange(other.mailboxes);
    }

    internal bool TenantSmtpClientAuthenticationDisabled { get; private set; }

    internal string? DefaultPolicy { get; private set; }

    internal IReadOnlyList<(string Name, bool AllowBasicAuthSmtp)> Policies => policies;

    internal IReadOnlyList<MailboxSpec> Mailboxes => mailboxes;

    /// <summary>Sets the tenant-wide switch <c>smtpClientAuthenticationDisabled</c> (<c>Get-TransportConfig</c>; default false).</summary>
    /// <param name="disabled"><see langword="true"/>: SMTP AUTH is off for every mailbox that does not say otherwise.</param>
    public ExchangeOnlineBuilder SmtpClientAuthenticationDisabled(bool disabled = true)
    {
        TenantSmtpClientAuthenticationDisabled = disabled;
        return this;
    }

    /// <summary>Sets <c>defaultAuthenticationPolicy</c> (<c>Get-OrganizationConfig</c>; default none).</summary>
    /// <param name="name">The policy's name; <see langword="null"/> for none. Add the policy with <see cref="AuthenticationPolicy"/>.</param>
    public ExchangeOnlineBuilder DefaultAuthenticationPolicy(string? name)
    {
        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
        }

        DefaultPolicy = name;
        return this;
    }

    /// <summary>Adds an authentication policy (<c>Get-AuthenticationPolicy</c>), or changes the one with the same name (case-insensitive, as Exchange compares them).</summary>
    /// <param name="name">The policy's name.</param>
    /// <param name="allowBasicAuthSmtp">Whether it lets SMTP AUTH use Basic authentication.</param>
    public ExchangeOnlineBuilder AuthenticationPolicy(string name, bool allowBasicAuthSmtp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        int index = policies.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            policies[index] = (name, allowBasicAuthSmtp);
        }
        else
        {
            policies.Add((name, allowBasicAuthSmtp));
        }

        return this;
    }

    /// <summary>
    /// Sets a user's mailbox settings (an entry of <c>users</c>, keyed by the user's object id), or changes the ones
    /// already set for the same user.
    /// </summary>
    /// <param name="userPrincipalNameOrId">The UPN of a user added with <see cref="SnapshotBuilder.WithUser"/> (its id is used as the key), or a user object id.</param>
    /// <param name="smtpClientAuthenticationDisabled"><c>Get-CASMailbox</c>'s switch: <see langword="true"/> off, <see langword="false"/> on, <see langword="null"/> follows the tenant.</param>
    /// <param name="authenticationPolicy"><c>Get-User</c>'s <c>AuthenticationPolicy</c>: the user's own policy, or <see langword="null"/> for the organisation's default.</param>
    public ExchangeOnlineBuilder Mailbox(string userPrincipalNameOrId, bool? smtpClientAuthenticationDisabled = null, string? authenticationPolicy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userPrincipalNameOrId);
        if (authenticationPolicy is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(authenticationPolicy);
        }

        string reference = userPrincipalNameOrId.Trim();
        if (!reference.Contains('@', StringComparison.Ordinal) && !DeterministicIds.IsGuid(reference))
        {
            throw new ArgumentException($"A mailbox is named by the user's UPN or object id; got \"{userPrincipalNameOrId}\".", nameof(userPrincipalNameOrId));
        }

        var mailbox = new MailboxSpec(reference, smtpClientAuthenticationDisabled, authenticationPolicy);
        int index = mailboxes.FindIndex(m => string.Equals(m.User, reference, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            mailboxes[index] = mailbox;
        }
        else
        {
            mailboxes.Add(mailbox);
        }

        return this;
    }

    internal ExchangeOnlineBuilder Clone() => new(this);

    /// <summary>A mailbox to write: the user (UPN or id, as given) and its two settings.</summary>
    internal sealed record MailboxSpec(string User, bool? SmtpClientAuthenticationDisabled, string? AuthenticationPolicy);
}
