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
        ("disabled", CodeTwo.AuthDiagnostics.PerUserMfaState.Disabled),
        ("enabled", CodeTwo.AuthDiagnostics.PerUserMfaState.Enabled),
        ("enforced", CodeTwo.AuthDiagnostics.PerUserMfaState.Enforced));

    public static GraphEnumMap<ConditionalAccessPolicyState> PolicyState { get; } = new(
        ("enabled", ConditionalAccessPolicyState.Enabled),
        ("disabled", ConditionalAccessPolicyState.Disabled),
        ("enabledForReportingButNotEnforced", ConditionalAccessPolicyState.EnabledForReportingButNotEnforced));

    public static GraphEnumMap<ClientAppType> ClientAppType { get; } = new(
        ("all", CodeTwo.AuthDiagnostics.ClientAppType.All),
        ("browser", CodeTwo.AuthDiagnostics.ClientAppType.Browser),
        ("mobileAppsAndDesktopClients", CodeTwo.AuthDiagnostics.ClientAppType.MobileAppsAndDesktopClients),
        ("exchangeActiveSync", CodeTwo.AuthDiagnostics.ClientAppType.ExchangeActiveSync),
        ("easSupported", CodeTwo.AuthDiagnostics.ClientAppType.EasSupported),
        ("easUnsupported", CodeTwo.AuthDiagnostics.ClientAppType.EasUnsupported),
        ("other", CodeTwo.AuthDiagnostics.ClientAppType.Other));

    public static GraphEnumMap<BuiltInControl> BuiltInControl { get; } = new(
        ("block", CodeTwo.AuthDiagnostics.BuiltInControl.Block),
        ("mfa", CodeTwo.AuthDiagnostics.BuiltInControl.Mfa),
        ("compliantDevice", CodeTwo.AuthDiagnostics.BuiltInControl.CompliantDevice),
        ("domainJoinedDevice", CodeTwo.AuthDiagnostics.BuiltInControl.DomainJoinedDevice),
        ("approvedApplication", CodeTwo.AuthDiagnostics.BuiltInControl.ApprovedApplication),
        ("compliantApplication", CodeTwo.AuthDiagnostics.BuiltInControl.CompliantApplication),
        ("passwordChange", CodeTwo.AuthDiagnostics.BuiltInControl.PasswordChange),
        ("riskRemediation", CodeTwo.AuthDiagnostics.BuiltInControl.RiskRemediation));

    public static GraphEnumMap<EvaluationContextKind> EvaluationContext { get; } = new(
        ("#microsoft.graph.applicationContext", EvaluationContextKind.Application),
        ("#microsoft.graph.userActionContext", EvaluationContextKind.UserAction),
        ("#microsoft.graph.authContext", EvaluationContextKind.AuthenticationContext));

    public static GraphEnumMap<PolicyMigrationState> MigrationState { get; } = new(
        ("preMigration", PolicyMigrationState.PreMigration),
        ("migrationInProgress", PolicyMigrationState.MigrationInProgress),
        ("migrationComplete", PolicyMigrationState.MigrationComplete));

    public static GraphEnumMap<DomainAuthenticationType> DomainAuthenticationType { get; } = new(
        ("Managed", CodeTwo.AuthDiagnostics.DomainAuthenticationType.Managed),
        ("Federated", CodeTwo.AuthDiagnostics.DomainAuthenticationType.Federated));

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
