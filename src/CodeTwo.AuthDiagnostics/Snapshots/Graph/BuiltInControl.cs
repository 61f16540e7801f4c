namespace CodeTwo.AuthDiagnostics;

/// <summary>Graph's <c>conditionalAccessGrantControl</c>.</summary>
public enum BuiltInControl
{
    /// <summary>A value this library does not know (for example <c>unknownFutureValue</c>).</summary>
    Unknown = 0,

    /// <summary><c>block</c>.</summary>
    Block,

    /// <summary><c>mfa</c>.</summary>
    Mfa,

    /// <summary><c>compliantDevice</c>.</summary>
    CompliantDevice,

    /// <summary><c>domainJoinedDevice</c>.</summary>
    DomainJoinedDevice,

    /// <summary><c>approvedApplication</c>.</summary>
    ApprovedApplication,

    /// <summary><c>compliantApplication</c>.</summary>
    CompliantApplication,

    /// <summary><c>passwordChange</c>.</summary>
    PasswordChange,

    /// <summary><c>riskRemediation</c>.</summary>
    RiskRemediation,
}
