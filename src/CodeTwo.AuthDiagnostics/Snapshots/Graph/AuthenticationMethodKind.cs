namespace CodeTwo.AuthDiagnostics;

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
