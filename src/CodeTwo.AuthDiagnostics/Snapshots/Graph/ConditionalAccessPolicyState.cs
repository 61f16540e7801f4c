namespace CodeTwo.AuthDiagnostics;

/// <summary>Graph's <c>conditionalAccessPolicyState</c>.</summary>
public enum ConditionalAccessPolicyState
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary><c>enabled</c>: the policy is enforced.</summary>
    Enabled,

    /// <summary><c>disabled</c>: the policy is off.</summary>
    Disabled,

    /// <summary><c>enabledForReportingButNotEnforced</c>: report-only.</summary>
    EnabledForReportingButNotEnforced,
}
