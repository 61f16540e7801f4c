using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Snapshots.Reading;

/// <summary>The Graph enum strings the snapshot format knows, in one place (immutable).</summary>
internal static class GraphEnums
{
    public static GraphEnumMap<CloudEnvironment> Cloud { get; } = new(
        ("global", CloudEnvironment.Global),
        ("usGov", CloudEnvironment.UsGov),
        ("usGovDoD", CloudEnvironment.UsGovDoD),
        ("china", CloudEnvironment.China));

    public static GraphEnumMap<SectionStatus> Status { get; } = new(
        ("captured", SectionStatus.Captured),
        ("notCaptured", SectionStatus.NotCaptured),
        ("failed", SectionStatus.Failed));

    public static GraphEnumMap<PerUserMfaState> PerUserMfaState { get; } = new(
        ("disabled", Graph.PerUserMfaState.Disabled),
        ("enabled", Graph.PerUserMfaState.Enabled),
        ("enforced", Graph.PerUserMfaState.Enforced));

    public static GraphEnumMap<ConditionalAccessPolicyState> PolicyState { get; } = new(
        ("enabled", ConditionalAccessPolicyState.Enabled),
        ("disabled", ConditionalAccessPolicyState.Disabled),
        ("enabledForReportingButNotEnforced", ConditionalAccessPolicyState.EnabledForReportingButNotEnforced));

    public static GraphEnumMap<ClientAppType> ClientAppType { get; } = new(
        ("all", Graph.ClientAppType.All),
        ("browser", Graph.ClientAppType.Browser),
        ("mobileAppsAndDesktopClients", Graph.ClientAppType.MobileAppsAndDesktopClients),
        ("exchangeActiveSync", Graph.ClientAppType.ExchangeActiveSync),
        ("easSupported", Graph.ClientAppType.EasSupported),
        ("easUnsupported", Graph.ClientAppType.EasUnsupported),
        ("other", Graph.ClientAppType.Other));

    public static GraphEnumMap<BuiltInControl> BuiltInControl { get; } = new(
        ("block", Graph.BuiltInControl.Block),
        ("mfa", Graph.BuiltInControl.Mfa),
        ("compliantDevice", Graph.BuiltInControl.CompliantDevice),
        ("domainJoinedDevice", Graph.BuiltInControl.DomainJoinedDevice),
        ("approvedApplication", Graph.BuiltInControl.ApprovedApplication),
        ("compliantApplication", Graph.BuiltInControl.CompliantApplication),
        ("passwordChange", Graph.BuiltInControl.PasswordChange),
        ("riskRemediation", Graph.BuiltInControl.RiskRemediation));

    public static GraphEnumMap<PolicyMigrationState> MigrationState { get; } = new(
        ("preMigration", PolicyMigrationState.PreMigration),
        ("migrationInProgress", PolicyMigrationState.MigrationInProgress),
        ("migrationComplete", PolicyMigrationState.MigrationComplete));

    public static GraphEnumMap<DomainAuthenticationType> DomainAuthenticationType { get; } = new(
        ("Managed", Graph.DomainAuthenticationType.Managed),
        ("Federated", Graph.DomainAuthenticationType.Federated));

    public static GraphEnumMap<SkuCapabilityStatus> CapabilityStatus { get; } = new(
        ("Enabled", SkuCapabilityStatus.Enabled),
        ("Warning", SkuCapabilityStatus.Warning),
        ("Suspended", SkuCapabilityStatus.Suspended),
        ("Deleted", SkuCapabilityStatus.Deleted),
        ("LockedOut", SkuCapabilityStatus.LockedOut));

    public static GraphEnumMap<UserType> UserType { get; } = new(
        ("Member", Graph.UserType.Member),
        ("Guest", Graph.UserType.Guest));

    public static GraphEnumMap<AuthenticationMethodKind> MethodKind { get; } = new(
        ("#microsoft.graph.passwordAuthenticationMethod", AuthenticationMethodKind.Password),
        ("#microsoft.graph.emailAuthenticationMethod", AuthenticationMethodKind.Email),
        ("#microsoft.graph.phoneAuthenticationMethod", AuthenticationMethodKind.Phone),
        ("#microsoft.graph.microsoftAuthenticatorAuthenticationMethod", AuthenticationMethodKind.MicrosoftAuthenticator),
        ("#microsoft.graph.softwareOathAuthenticationMethod", AuthenticationMethodKind.SoftwareOath),
        ("#microsoft.graph.hardwareOathAuthenticationMethod", AuthenticationMethodKind.HardwareOath),
        ("#microsoft.graph.fido2AuthenticationMethod", AuthenticationMethodKind.Fido2),
        ("#microsoft.graph.windowsHelloForBusinessAuthenticationMethod", AuthenticationMethodKind.WindowsHelloForBusiness),
        ("#microsoft.graph.temporaryAccessPassAuthenticationMethod", AuthenticationMethodKind.TemporaryAccessPass),
        ("#microsoft.graph.platformCredentialAuthenticationMethod", AuthenticationMethodKind.PlatformCredential),
        ("#microsoft.graph.x509CertificateAuthenticationMethod", AuthenticationMethodKind.X509Certificate),
        ("#microsoft.graph.qrCodePinAuthenticationMethod", AuthenticationMethodKind.QrCodePin));

    public static GraphEnumMap<DirectoryObjectKind> DirectoryObjectKind { get; } = new(
        ("#microsoft.graph.group", Graph.DirectoryObjectKind.Group),
        ("#microsoft.graph.directoryRole", Graph.DirectoryObjectKind.DirectoryRole),
        ("#microsoft.graph.administrativeUnit", Graph.DirectoryObjectKind.AdministrativeUnit));
}
