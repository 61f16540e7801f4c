namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary><c>GET /beta/users/{id}/authentication/requirements</c>: the user's legacy per-user MFA state.</summary>
internal sealed record AuthenticationRequirements : GraphObject
{
    /// <summary>The per-user MFA state. <see cref="CodeTwo.AuthDiagnostics.PerUserMfaState.Unknown"/> for a value this library does not know.</summary>
    public PerUserMfaState PerUserMfaState { get; internal init; }

    /// <summary>The value of <c>perUserMfaState</c> as written in the snapshot (useful when it is unknown).</summary>
    public string PerUserMfaStateValue { get; internal init; } = string.Empty;
}
