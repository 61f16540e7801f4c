using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;

namespace CodeTwo.AuthDiagnostics.Testing.Internal;

/// <summary>
/// Graph strings for the model's enums, taken from the reader's own maps so the builder always writes what the reader
/// understands. An enum's <c>Unknown</c> member writes Graph's <c>unknownFutureValue</c>.
/// </summary>
internal static class GraphText
{
    public const string UnknownFutureValue = "unknownFutureValue";

    public static string Of(PerUserMfaState value) => value == PerUserMfaState.Unknown ? UnknownFutureValue : GraphEnums.PerUserMfaState.ToText(Checked(value));

    public static string Of(ConditionalAccessPolicyState value) => value == ConditionalAccessPolicyState.Unknown ? UnknownFutureValue : GraphEnums.PolicyState.ToText(Checked(value));

    public static string Of(ClientAppType value) => value == ClientAppType.Unknown ? UnknownFutureValue : GraphEnums.ClientAppType.ToText(Checked(value));

    public static string Of(BuiltInControl value) => value == BuiltInControl.Unknown ? UnknownFutureValue : GraphEnums.BuiltInControl.ToText(Checked(value));

    public static string Of(PolicyMigrationState value) => value == PolicyMigrationState.Unknown ? UnknownFutureValue : GraphEnums.MigrationState.ToText(Checked(value));

    public static string Of(DomainAuthenticationType value) => value == DomainAuthenticationType.Unknown ? UnknownFutureValue : GraphEnums.DomainAuthenticationType.ToText(Checked(value));

    public static string Of(SkuCapabilityStatus value) => value == SkuCapabilityStatus.Unknown ? UnknownFutureValue : GraphEnums.CapabilityStatus.ToText(Checked(value));

    public static string Of(CloudEnvironment value) => GraphEnums.Cloud.ToText(Checked(value));

    public static string Of(SectionStatus value) => GraphEnums.Status.ToText(value);

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
