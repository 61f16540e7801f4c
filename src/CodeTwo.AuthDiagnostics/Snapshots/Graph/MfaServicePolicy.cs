namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>
/// <c>GET /beta/policies/mfaServicePolicy</c>: the legacy MFA service settings. The endpoint is undocumented and read
/// on a best-effort basis; no supported API exists for the "Allow users to create app passwords" switch.
/// </summary>
internal sealed record MfaServicePolicy : GraphObject
{
    /// <summary>
    /// The tenant-wide switch "Allow users to create app passwords to sign in to non-browser apps";
    /// <see langword="null"/> when the payload does not carry it.
    /// </summary>
    public bool? AllowAppPasswords { get; internal init; }
}
