namespace CodeTwo.AuthDiagnostics;

/// <summary>The legacy per-user MFA state. Only <see cref="Enforced"/> users are offered app passwords.</summary>
public enum PerUserMfaState
{
    /// <summary>A value this library does not know (for example <c>unknownFutureValue</c>).</summary>
    Unknown = 0,

    /// <summary><c>disabled</c>: not enrolled in per-user MFA (also the state of users whose MFA comes from security defaults or Conditional Access).</summary>
    Disabled,

    /// <summary><c>enabled</c>: enrolled, not yet enforced.</summary>
    Enabled,

    /// <summary><c>enforced</c>: MFA required; legacy clients need app passwords.</summary>
    Enforced,
}
