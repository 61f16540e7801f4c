namespace CodeTwo.AuthDiagnostics;

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
