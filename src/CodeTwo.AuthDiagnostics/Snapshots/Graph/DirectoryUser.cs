namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>
/// <c>GET /v1.0/users/{id}?$select=id,userPrincipalName,displayName,accountEnabled,userType,onPremisesSyncEnabled,signInSessionsValidFromDateTime</c>.
/// </summary>
internal sealed record DirectoryUser : GraphObject
{
    /// <summary>The object id (a GUID written as a string).</summary>
    public string Id { get; internal init; } = string.Empty;

    /// <summary>The user principal name, for example <c>backup@contoso.com</c>.</summary>
    public string UserPrincipalName { get; internal init; } = string.Empty;

    /// <summary>The display name, when captured.</summary>
    public string? DisplayName { get; internal init; }

    /// <summary>Whether the account can sign in; <see langword="null"/> when not captured.</summary>
    public bool? AccountEnabled { get; internal init; }

    /// <summary>Member or guest; <see langword="null"/> when not captured.</summary>
    public UserType? UserType { get; internal init; }

    /// <summary><see langword="true"/> for an account synchronized from on-premises Active Directory.</summary>
    public bool? OnPremisesSyncEnabled { get; internal init; }

    /// <summary>Sessions and refresh tokens issued before this instant are invalid (moved by <c>revokeSignInSessions</c>).</summary>
    public DateTimeOffset? SignInSessionsValidFromDateTime { get; internal init; }

    /// <summary>The domain part of <see cref="UserPrincipalName"/>, lower case.</summary>
    public string UpnDomain
    {
        get
        {
            int at = UserPrincipalName.LastIndexOf('@');
            return at < 0 ? string.Empty : UserPrincipalName[(at + 1)..].ToLowerInvariant();
        }
    }
}

/// <summary>Graph's <c>userType</c>.</summary>
internal enum UserType
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary><c>Member</c>.</summary>
    Member,

    /// <summary><c>Guest</c>: a B2B guest.</summary>
    Guest,
}
