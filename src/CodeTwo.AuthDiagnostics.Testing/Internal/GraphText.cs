
namespace CodeTwo.AuthDiagnostics.Testing.Internal;

/// <summary>
/// Graph strings for the model's enums: the Testing package's one copy of the core reader's text tables (the package
/// uses only the core's public API). GraphTextTests reads every value's text back through the core's reader, so the copy
/// cannot drift from what the reader understands. An enum's <c>Unknown</c> member writes Graph's <c>unknownFutureValue</c>.
/// </summary>
internal static class GraphText
{
    public const string UnknownFutureValue = "unknownFutureValue";

    public static string Of(PerUserMfaState value) => Checked(value) switch
    {
        PerUserMfaState.Disabled => "disabled",
        PerUserMfaState.Enabled => "enabled",
        PerUserMfaState.Enforced => "enforced",
        _ => UnknownFutureValue,
    };

    public static string Of(ConditionalAccessPolicyState value) => Checked(value) switch
    {
        ConditionalAccessPolicyState.Enabled => "enabled",
        ConditionalAccessPolicyState.Disabled => "disabled",
        ConditionalAccessPolicyState.EnabledForReportingButNotEnforced => "enabledForReportingButNotEnforced",
        _ => UnknownFutureValue,
    };

    public static string Of(ClientAppType value) => Checked(value) switch
    {
        ClientAppType.All => "all",
        ClientAppType.Browser => "browser",
        ClientAppType.MobileAppsAndDesktopClients => "mobileAppsAndDesktopClients",
        ClientAppType.ExchangeActiveSync => "exchangeActiveSync",
        ClientAppType.EasSupported => "easSupported",
        ClientAppType.EasUnsupported => "easUnsupported",
        ClientAppType.Other => "other",
        _ => UnknownFutureValue,
    };

    public static string Of(BuiltInControl value) => Checked(value) switch
    {
        BuiltInControl.Block => "block",
        BuiltInControl.Mfa => "mfa",
        BuiltInControl.CompliantDevice => "compliantDevice",
        BuiltInControl.DomainJoinedDevice => "domainJoinedDevice",
        BuiltInControl.ApprovedApplication => "approvedApplication",
        BuiltInControl.CompliantApplication => "compliantApplication",
        BuiltInControl.PasswordChange => "passwordChange",
        BuiltInControl.RiskRemediation => "riskRemediation",
        _ => UnknownFutureValue,
    };

    public static string Of(PolicyMigrationState value) => Checked(value) switch
    {
        PolicyMigrationState.PreMigration => "preMigration",
        PolicyMigrationState.MigrationInProgress => "migrationInProgress",
        PolicyMigrationState.MigrationComplete => "migrationComplete",
        _ => UnknownFutureValue,
    };

    public static string Of(DomainAuthenticationType value) => Checked(value) switch
    {
        DomainAuthenticationType.Managed => "Managed",
        DomainAuthenticationType.Federated => "Federated",
        _ => UnknownFutureValue,
    };

    public static string Of(SkuCapabilityStatus value) => Checked(value) switch
    {
        SkuCapabilityStatus.Enabled => "Enabled",
        SkuCapabilityStatus.Warning => "Warning",
        SkuCapabilityStatus.Suspended => "Suspended",
        SkuCapabilityStatus.Deleted => "Deleted",
        SkuCapabilityStatus.LockedOut => "LockedOut",
        _ => UnknownFutureValue,
    };

    public static string Of(AuthenticationMethodKind value) => Checked(value) switch
    {
        AuthenticationMethodKind.Password => "#microsoft.graph.passwordAuthenticationMethod",
        AuthenticationMethodKind.Email => "#microsoft.graph.emailAuthenticationMethod",
        AuthenticationMethodKind.Phone => "#microsoft.graph.phoneAuthenticationMethod",
        AuthenticationMethodKind.MicrosoftAuthenticator => "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
        AuthenticationMethodKind.SoftwareOath => "#microsoft.graph.softwareOathAuthenticationMethod",
        AuthenticationMethodKind.HardwareOath => "#microsoft.graph.hardwareOathAuthenticationMethod",
        AuthenticationMethodKind.Fido2 => "#microsoft.graph.fido2AuthenticationMethod",
        AuthenticationMethodKind.WindowsHelloForBusiness => "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod",
        AuthenticationMethodKind.TemporaryAccessPass => "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
        AuthenticationMethodKind.PlatformCredential => "#microsoft.graph.platformCredentialAuthenticationMethod",
        AuthenticationMethodKind.X509Certificate => "#microsoft.graph.x509CertificateAuthenticationMethod",
        AuthenticationMethodKind.QrCodePin => "#microsoft.graph.qrCodePinAuthenticationMethod",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "An unknown authentication method has no @odata.type; give the method's own."),
    };

    public static string Of(CloudEnvironment value) => SnapshotWriter.FormatCloud(Checked(value));

    public static string Of(SectionStatus value) => Checked(value) switch
    {
        SectionStatus.Captured => "captured",
        SectionStatus.Failed => "failed",
        _ => "notCaptured",
    };

    public static string Of(RiskLevel value) => Checked(value) switch
    {
        RiskLevel.Low => "low",
        RiskLevel.Medium => "medium",
        RiskLevel.High => "high",
        _ => "none",
    };

    public static string Of(DevicePlatform value) => Checked(value) switch
    {
        DevicePlatform.All => "all",
        DevicePlatform.Android => "android",
        DevicePlatform.IOS => "iOS",
        DevicePlatform.Windows => "windows",
        DevicePlatform.WindowsPhone => "windowsPhone",
        DevicePlatform.MacOS => "macOS",
        _ => "linux",
    };

    public static string Of(FilterMode value) => Checked(value) == FilterMode.Include ? "include" : "exclude";

    public static string Of(GrantOperator value) => Checked(value) == GrantOperator.And ? "AND" : "OR";

    public static string Of(ServicePlanProvisioningStatus value) => Checked(value) switch
    {
        ServicePlanProvisioningStatus.Success => "Success",
        ServicePlanProvisioningStatus.Disabled => "Disabled",
        ServicePlanProvisioningStatus.PendingInput => "PendingInput",
        ServicePlanProvisioningStatus.PendingActivation => "PendingActivation",
        ServicePlanProvisioningStatus.PendingProvisioning => "PendingProvisioning",
        _ => "Error",
    };

    public static string Of(InsiderRiskLevels value)
    {
        if (value == InsiderRiskLevels.None || (value & ~(InsiderRiskLevels.Minor | InsiderRiskLevels.Moderate | InsiderRiskLevels.Elevated)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Name at least one of Minor, Moderate, Elevated.");
        }

        var parts = new List<string>(3);
        if (value.HasFlag(InsiderRiskLevels.Minor))
        {
            parts.Add("minor");
        }

        if (value.HasFlag(InsiderRiskLevels.Moderate))
        {
            parts.Add("moderate");
        }

        if (value.HasFlag(InsiderRiskLevels.Elevated))
        {
            parts.Add("elevated");
        }

        return string.Join(',', parts);
    }

    public static string Of(AuthenticationFlowTransferMethods value) => value switch
    {
        AuthenticationFlowTransferMethods.DeviceCodeFlow => "deviceCodeFlow",
        AuthenticationFlowTransferMethods.AuthenticationTransfer => "authenticationTransfer",
        AuthenticationFlowTransferMethods.DeviceCodeFlow | AuthenticationFlowTransferMethods.AuthenticationTransfer => "deviceCodeFlow,authenticationTransfer",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Name DeviceCodeFlow, AuthenticationTransfer or both."),
    };

    /// <summary>The Graph host of <paramref name="cloud"/>, used in <c>@odata.context</c> annotations.</summary>
    public static string GraphHost(CloudEnvironment cloud) => cloud switch
    {
        CloudEnvironment.UsGov => "graph.microsoft.us",
        CloudEnvironment.UsGovDoD => "dod-graph.microsoft.us",
        CloudEnvironment.China => "microsoftgraph.chinacloudapi.cn",
        _ => "graph.microsoft.com",
    };

    /// <summary>The suffix of the initial domain in <paramref name="cloud"/>.</summary>
    public static string InitialDomainSuffix(CloudEnvironment cloud) => cloud switch
    {
        CloudEnvironment.UsGov or CloudEnvironment.UsGovDoD => ".onmicrosoft.us",
        CloudEnvironment.China => ".partner.onmschina.cn",
        _ => ".onmicrosoft.com",
    };

    /// <summary>Throws for a value outside the enum's defined members.</summary>
    public static T Checked<T>(T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} has no member {value}.");
}
