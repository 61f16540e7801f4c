namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>
/// <c>GET /v1.0/policies/identitySecurityDefaultsEnforcementPolicy</c>. When enabled, security defaults block every
/// legacy-authentication sign-in (and so every app-password sign-in).
/// </summary>
internal sealed record SecurityDefaultsPolicy : GraphObject
{
    /// <summary>The policy id (always <c>00000000-0000-0000-0000-000000000005</c> in Graph).</summary>
    public string? Id { get; internal init; }

    /// <summary>The display name (<c>Security Defaults</c>).</summary>
    public string? DisplayName { get; internal init; }

    /// <summary>Whether security defaults are enabled for the tenant.</summary>
    public bool IsEnabled { get; internal init; }
}
