namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>One entry of <c>GET /v1.0/domains</c>.</summary>
internal sealed record Domain : GraphObject
{
    /// <summary>The domain name, for example <c>contoso.com</c>.</summary>
    public string Id { get; internal init; } = string.Empty;

    /// <summary>Whether sign-ins for the domain are verified by Entra ID or federated to another identity provider.</summary>
    public DomainAuthenticationType AuthenticationType { get; internal init; }

    /// <summary>The value of <c>authenticationType</c> as written in the snapshot.</summary>
    public string? AuthenticationTypeValue { get; internal init; }

    /// <summary>Whether the domain is the tenant's default domain.</summary>
    public bool IsDefault { get; internal init; }

    /// <summary>Whether the domain is the initial <c>*.onmicrosoft.com</c> domain.</summary>
    public bool IsInitial { get; internal init; }

    /// <summary>The position of this domain in the section's array.</summary>
    public int Index { get; internal init; }
}
