namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary><c>GET /v1.0/policies/authenticationMethodsPolicy</c>: the tenant's authentication methods policy.</summary>
internal sealed record AuthenticationMethodsPolicy : GraphObject
{
    /// <summary>The policy id (<c>authenticationMethodsPolicy</c>).</summary>
    public string? Id { get; internal init; }

    /// <summary>
    /// How far the tenant migrated from the legacy MFA and SSPR policies; <see langword="null"/> when Graph
    /// returned null (new tenants that never had legacy settings).
    /// </summary>
    public PolicyMigrationState? PolicyMigrationState { get; internal init; }
}
