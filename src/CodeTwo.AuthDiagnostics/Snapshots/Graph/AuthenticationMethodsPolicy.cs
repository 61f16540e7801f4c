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

/// <summary>Graph's <c>authenticationMethodsPolicyMigrationState</c>.</summary>
public enum PolicyMigrationState
{
    /// <summary>A value this library does not know (for example <c>unknownFutureValue</c>).</summary>
    Unknown = 0,

    /// <summary><c>preMigration</c>: the policy is used for authentication only; legacy policies are respected.</summary>
    PreMigration,

    /// <summary><c>migrationInProgress</c>: the policy is used for authentication and SSPR; legacy policies are respected.</summary>
    MigrationInProgress,

    /// <summary><c>migrationComplete</c>: only the authentication methods policy is used.</summary>
    MigrationComplete,
}
