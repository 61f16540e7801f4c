namespace CodeTwo.AuthDiagnostics;

/// <summary>Graph's domain <c>authenticationType</c>.</summary>
public enum DomainAuthenticationType
{
    /// <summary>A value this library does not know, or none.</summary>
    Unknown = 0,

    /// <summary><c>Managed</c>: Entra ID verifies the credentials.</summary>
    Managed,

    /// <summary><c>Federated</c>: sign-ins are federated to another identity provider.</summary>
    Federated,
}
