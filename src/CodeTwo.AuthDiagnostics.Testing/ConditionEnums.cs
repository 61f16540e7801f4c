namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>Graph's <c>riskLevel</c>, as used by the <c>userRiskLevels</c> and <c>signInRiskLevels</c> conditions.</summary>
public enum RiskLevel
{
    /// <summary><c>low</c>.</summary>
    Low,

    /// <summary><c>medium</c>.</summary>
    Medium,

    /// <summary><c>high</c>.</summary>
    High,

    /// <summary><c>none</c>: no risk detected.</summary>
    None,
}

/// <summary>Graph's <c>conditionalAccessInsiderRiskLevels</c> (a flags enum, written as a comma-separated string).</summary>
[Flags]
public enum InsiderRiskLevels
{
    /// <summary>No level (not a valid condition on its own).</summary>
    None = 0,

    /// <summary><c>minor</c>.</summary>
    Minor = 1,

    /// <summary><c>moderate</c>.</summary>
    Moderate = 2,

    /// <summary><c>elevated</c>.</summary>
    Elevated = 4,
}

/// <summary>Graph's <c>conditionalAccessTransferMethods</c> of the <c>authenticationFlows</c> condition (a flags enum).</summary>
[Flags]
public enum AuthenticationFlowTransferMethods
{
    /// <summary>No method (not a valid condition on its own).</summary>
    None = 0,

    /// <summary><c>deviceCodeFlow</c>.</summary>
    DeviceCodeFlow = 1,

    /// <summary><c>authenticationTransfer</c>.</summary>
    AuthenticationTransfer = 2,
}

/// <summary>Graph's <c>conditionalAccessDevicePlatform</c>.</summary>
public enum DevicePlatform
{
    /// <summary><c>all</c>.</summary>
    All,

    /// <summary><c>android</c>.</summary>
    Android,

    /// <summary><c>iOS</c>.</summary>
    IOS,

    /// <summary><c>windows</c>.</summary>
    Windows,

    /// <summary><c>windowsPhone</c>.</summary>
    WindowsPhone,

    /// <summary><c>macOS</c>.</summary>
    MacOS,

    /// <summary><c>linux</c>.</summary>
    Linux,
}

/// <summary>Graph's <c>filterMode</c> of a device or application filter.</summary>
public enum FilterMode
{
    /// <summary><c>include</c>: the policy applies to what the rule matches.</summary>
    Include,

    /// <summary><c>exclude</c>: the policy applies to everything except what the rule matches.</summary>
    Exclude,
}

/// <summary>How the grant controls of a Conditional Access policy combine (<c>grantControls.operator</c>).</summary>
public enum GrantOperator
{
    /// <summary><c>OR</c>: any one control satisfies the policy (Graph's default).</summary>
    Or,

    /// <summary><c>AND</c>: every control is required.</summary>
    And,
}

/// <summary>Graph's <c>provisioningStatus</c> of a service plan in a subscribed SKU.</summary>
public enum ServicePlanProvisioningStatus
{
    /// <summary><c>Success</c>: the plan is provisioned.</summary>
    Success,

    /// <summary><c>Disabled</c>: the plan was turned off (Conditional Access does not count it).</summary>
    Disabled,

    /// <summary><c>PendingInput</c>.</summary>
    PendingInput,

    /// <summary><c>PendingActivation</c>.</summary>
    PendingActivation,

    /// <summary><c>PendingProvisioning</c>.</summary>
    PendingProvisioning,

    /// <summary><c>Error</c>.</summary>
    Error,
}
