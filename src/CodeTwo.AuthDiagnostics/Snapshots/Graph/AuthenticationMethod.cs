namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>One entry of <c>GET /v1.0/users/{id}/authentication/methods</c>.</summary>
internal sealed record AuthenticationMethod : GraphObject
{
    /// <summary>The method id.</summary>
    public string? Id { get; internal init; }

    /// <summary>The method's kind, from <c>@odata.type</c>.</summary>
    public AuthenticationMethodKind Kind { get; internal init; }

    /// <summary>The <c>@odata.type</c> as written in the snapshot.</summary>
    public string ODataType { get; internal init; } = string.Empty;

    /// <summary>The position of this method in the section's array.</summary>
    public int Index { get; internal init; }

    /// <summary>
    /// True for a method that can serve as a second factor; false for the password and e-mail (e-mail serves
    /// password reset only) and for kinds this library does not know.
    /// </summary>
    public bool IsMfaCapable => Kind is not (AuthenticationMethodKind.Password or AuthenticationMethodKind.Email or AuthenticationMethodKind.Unknown);
}

/// <summary>The kinds of authentication method Graph reports.</summary>
public enum AuthenticationMethodKind
{
    /// <summary>A kind this library does not know.</summary>
    Unknown = 0,

    /// <summary><c>#microsoft.graph.passwordAuthenticationMethod</c>.</summary>
    Password,

    /// <summary><c>#microsoft.graph.emailAuthenticationMethod</c> (password reset only).</summary>
    Email,

    /// <summary><c>#microsoft.graph.phoneAuthenticationMethod</c>.</summary>
    Phone,

    /// <summary><c>#microsoft.graph.microsoftAuthenticatorAuthenticationMethod</c>.</summary>
    MicrosoftAuthenticator,

    /// <summary><c>#microsoft.graph.softwareOathAuthenticationMethod</c>.</summary>
    SoftwareOath,

    /// <summary><c>#microsoft.graph.hardwareOathAuthenticationMethod</c>.</summary>
    HardwareOath,

    /// <summary><c>#microsoft.graph.fido2AuthenticationMethod</c>.</summary>
    Fido2,

    /// <summary><c>#microsoft.graph.windowsHelloForBusinessAuthenticationMethod</c>.</summary>
    WindowsHelloForBusiness,

    /// <summary><c>#microsoft.graph.temporaryAccessPassAuthenticationMethod</c>.</summary>
    TemporaryAccessPass,

    /// <summary><c>#microsoft.graph.platformCredentialAuthenticationMethod</c>.</summary>
    PlatformCredential,

    /// <summary><c>#microsoft.graph.x509CertificateAuthenticationMethod</c>.</summary>
    X509Certificate,

    /// <summary><c>#microsoft.graph.qrCodePinAuthenticationMethod</c>.</summary>
    QrCodePin,
}
