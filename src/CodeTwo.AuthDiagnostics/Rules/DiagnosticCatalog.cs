using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Rules.Catalog;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// Every code of diagnostic catalog v1.2, each declared once: the rules report these, SARIF describes them, hosts look
/// them up (to disable or re-grade one, or to show what a code means). <see cref="DiagnosticCodes"/> holds the code strings.
/// </summary>
/// <example>
/// <code>
/// var descriptor = DiagnosticCatalog.Get(DiagnosticCodes.PerUserMfaDisabled);
/// Console.WriteLine($"{descriptor.Code} {descriptor.Name}: {descriptor.Summary} ({descriptor.HelpLink})");
/// </code>
/// </example>
public static class DiagnosticCatalog
{
    internal static readonly DiagnosticDescriptor UserNotFound = new(
        DiagnosticCodes.UserNotFound, "UserNotFound", Severity.Blocker, FindingKind.Availability, Confidence.Documented,
        "The requested user is not in the snapshot.",
        Sources.UserResource);

    internal static readonly DiagnosticDescriptor AccountDisabled = new(
        DiagnosticCodes.AccountDisabled, "AccountDisabled", Severity.Blocker, FindingKind.Availability, Confidence.Documented,
        "The user's account is disabled (accountEnabled is false).",
        Sources.UserResource);

    internal static readonly DiagnosticDescriptor GuestAccount = new(
        DiagnosticCodes.GuestAccount, "GuestAccount", Severity.Blocker, FindingKind.Availability, Confidence.Observed,
        "The user is a B2B guest.",
        Sources.MfaSettings, Sources.RevokeSessions);

    internal static readonly DiagnosticDescriptor SecurityDefaultsEnabled = new(
        DiagnosticCodes.SecurityDefaultsEnabled, "SecurityDefaultsEnabled", Severity.Blocker, FindingKind.Usability, Confidence.Documented,
        "Security defaults are enabled: they block every legacy-authentication sign-in.",
        Sources.SecurityDefaults, Sources.AppPasswords, Sources.UserStates);

    internal static readonly DiagnosticDescriptor PerUserMfaDisabled = new(
        DiagnosticCodes.PerUserMfaDisabled, "PerUserMfaDisabled", Severity.Blocker, FindingKind.Availability, Confidence.Documented,
        "Per-user MFA is disabled: App password is only offered to users enforced for per-user MFA.",
        Sources.CombinedRegistration, Sources.UserStates, Sources.AppPasswords);

    internal static readonly DiagnosticDescriptor PerUserMfaEnabledNotEnforced = new(
        DiagnosticCodes.PerUserMfaEnabledNotEnforced, "PerUserMfaEnabledNotEnforced", Severity.Blocker, FindingKind.Availability, Confidence.Documented,
        "Per-user MFA is enabled but not enforced: App password is only offered once it is enforced.",
        Sources.CombinedRegistration, Sources.UserStates);

    internal static readonly DiagnosticDescriptor MfaOnlyFromConditionalAccess = new(
        DiagnosticCodes.MfaOnlyFromConditionalAccess, "MfaOnlyFromConditionalAccess", Severity.Info, FindingKind.Explanation, Confidence.Documented,
        "MFA comes only from Conditional Access, which leaves the per-user MFA state disabled.",
        Sources.CombinedRegistration, Sources.UserStates);

    internal static readonly DiagnosticDescriptor AppPasswordsDisabledForTenant = new(
        DiagnosticCodes.AppPasswordsDisabledForTenant, "AppPasswordsDisabledForTenant", Severity.Blocker, FindingKind.Availability, Confidence.Documented,
        "The tenant switch \"Allow users to create app passwords\" is off.",
        Sources.AllowAppPasswords, Sources.MfaSettings);

    internal static readonly DiagnosticDescriptor LegacyAuthBlockedByConditionalAccess = new(
        DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, "LegacyAuthBlockedByConditionalAccess", Severity.Blocker, FindingKind.Usability, Confidence.Documented,
        "A Conditional Access policy blocks legacy authentication, so sign-ins with an app password fail.",
        Sources.BlockLegacyAuth, Sources.ClientApps);

    internal static readonly DiagnosticDescriptor ConditionalAccessGrantUnsatisfiableByLegacyClients = new(
        DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, "ConditionalAccessGrantUnsatisfiableByLegacyClients", Severity.Blocker, FindingKind.Usability, Confidence.Documented,
        "A Conditional Access policy requires a grant that legacy clients cannot satisfy.",
        Sources.ClientApps, Sources.GrantControls);

    internal static readonly DiagnosticDescriptor ReportOnlyPolicyWouldBlock = new(
        DiagnosticCodes.ReportOnlyPolicyWouldBlock, "ReportOnlyPolicyWouldBlock", Severity.Warning, FindingKind.Usability, Confidence.Documented,
        "A report-only Conditional Access policy would block sign-ins with an app password once enabled.",
        Sources.ReportOnly, Sources.ClientApps);

    internal static readonly DiagnosticDescriptor ConditionalAccessPolicyMayApply = new(
        DiagnosticCodes.ConditionalAccessPolicyMayApply, "ConditionalAccessPolicyMayApply", Severity.Warning, FindingKind.Usability, Confidence.Documented,
        "A Conditional Access policy may apply, depending on the sign-in's conditions.",
        Sources.Conditions, Sources.ClientApps);

    internal static readonly DiagnosticDescriptor SecurityInfoRegistrationBlocked = new(
        DiagnosticCodes.SecurityInfoRegistrationBlocked, "SecurityInfoRegistrationBlocked", Severity.Warning, FindingKind.Availability, Confidence.Observed,
        "A policy blocks registering security info, where app passwords are created.",
        Sources.SecurityInfoRegistration, Sources.CombinedRegistration);

    internal static readonly DiagnosticDescriptor ConditionalAccessEvaluationDisagrees = new(
        DiagnosticCodes.ConditionalAccessEvaluationDisagrees, "ConditionalAccessEvaluationDisagrees", Severity.Warning, FindingKind.Advisory, Confidence.Evaluated,
        "Microsoft's Conditional Access evaluation (What-If) and the configuration reading disagree about whether a policy applies; the diagnosis follows Microsoft.",
        Sources.WhatIfApi, Sources.WhatIf);

    internal static readonly DiagnosticDescriptor NoMfaMethodRegistered = new(
        DiagnosticCodes.NoMfaMethodRegistered, "NoMfaMethodRegistered", Severity.Info, FindingKind.Advisory, Confidence.Documented,
        "The user has no MFA method registered.",
        Sources.ListMethods, Sources.CombinedRegistration);

    internal static readonly DiagnosticDescriptor FederatedDomain = new(
        DiagnosticCodes.FederatedDomain, "FederatedDomain", Severity.Info, FindingKind.Advisory, Confidence.Documented,
        "The user's domain is federated.",
        Sources.AppPasswords);

    internal static readonly DiagnosticDescriptor SyncedFromOnPremises = new(
        DiagnosticCodes.SyncedFromOnPremises, "SyncedFromOnPremises", Severity.Info, FindingKind.Advisory, Confidence.Documented,
        "The account is synchronized from on-premises.",
        Sources.AppPasswords);

    internal static readonly DiagnosticDescriptor AuthenticationMethodsPolicyMigrated = new(
        DiagnosticCodes.AuthenticationMethodsPolicyMigrated, "AuthenticationMethodsPolicyMigrated", Severity.Info, FindingKind.Advisory, Confidence.Observed,
        "The authentication methods policy migration is complete.",
        Sources.MethodsMigration, Sources.MfaSettings);

    internal static readonly DiagnosticDescriptor LegacyProtocolRetired = new(
        DiagnosticCodes.LegacyProtocolRetired, "LegacyProtocolRetired", Severity.Info, FindingKind.Advisory, Confidence.Documented,
        "A declared legacy protocol no longer accepts app passwords on the capture date.",
        Sources.BasicAuthDeprecation, LegacyProtocolRetirements.SmtpAuthAnnouncement);

    internal static readonly DiagnosticDescriptor PrivilegedAdminAccount = new(
        DiagnosticCodes.PrivilegedAdminAccount, "PrivilegedAdminAccount", Severity.Info, FindingKind.Advisory, Confidence.Documented,
        "The account holds a directory role.",
        Sources.AppPasswords, Sources.MandatoryMfa);

    internal static readonly DiagnosticDescriptor SmtpAuthBasicOffByDefault = new(
        DiagnosticCodes.SmtpAuthBasicOffByDefault, "SmtpAuthBasicOffByDefault", Severity.Warning, FindingKind.Usability, Confidence.Documented,
        "SMTP AUTH is declared and Basic authentication for it is off by default from 2027-01-01.",
        LegacyProtocolRetirements.SmtpAuthAnnouncement, LegacyProtocolRetirements.SmtpAuthSource);

    internal static readonly DiagnosticDescriptor SmtpAuthDisabledForMailbox = new(
        DiagnosticCodes.SmtpAuthDisabledForMailbox, "SmtpAuthDisabledForMailbox", Severity.Blocker, FindingKind.Usability, Confidence.Documented,
        "SMTP AUTH is declared and the Exchange Online settings turn it off for this user.",
        LegacyProtocolRetirements.SmtpAuthSource, Sources.DisableBasicAuthExchange);

    internal static readonly DiagnosticDescriptor LegacySignInsBlockedByConditionalAccess = new(
        DiagnosticCodes.LegacySignInsBlockedByConditionalAccess, "LegacySignInsBlockedByConditionalAccess", Severity.Blocker, FindingKind.Usability, Confidence.Observed,
        "The product's newest legacy sign-in was blocked by Conditional Access (error 53003).",
        Sources.SignInErrorCodes, Sources.SignInLog, Sources.BlockLegacyAuth);

    internal static readonly DiagnosticDescriptor LegacySignInsBlockedBySecurityDefaults = new(
        DiagnosticCodes.LegacySignInsBlockedBySecurityDefaults, "LegacySignInsBlockedBySecurityDefaults", Severity.Blocker, FindingKind.Usability, Confidence.Observed,
        "The product's newest legacy sign-in was blocked by security defaults (error 530035).",
        Sources.SignInErrorCodes, Sources.SignInLog, Sources.SecurityDefaults);

    internal static readonly DiagnosticDescriptor AccountPasswordUsedByLegacyClient = new(
        DiagnosticCodes.AccountPasswordUsedByLegacyClient, "AccountPasswordUsedByLegacyClient", Severity.Blocker, FindingKind.Usability, Confidence.Observed,
        "The product's newest legacy sign-in needed MFA: it sent the account's own password, where a legacy client must send an app password.",
        Sources.SignInErrorCodes, Sources.AppPasswords, Sources.SignInLog);

    internal static readonly DiagnosticDescriptor LegacySignInCredentialsRejected = new(
        DiagnosticCodes.LegacySignInCredentialsRejected, "LegacySignInCredentialsRejected", Severity.Blocker, FindingKind.Usability, Confidence.Observed,
        "The product's newest legacy sign-in was refused for a wrong password (error 50126): an app password that was deleted, or a typo.",
        Sources.SignInErrorCodes, Sources.AppPasswords, Sources.SignInLog);

    internal static readonly DiagnosticDescriptor LegacySignInsSucceeded = new(
        DiagnosticCodes.LegacySignInsSucceeded, "LegacySignInsSucceeded", Severity.Info, FindingKind.Explanation, Confidence.Observed,
        "The product's newest legacy sign-in succeeded.",
        Sources.SignInLog);

    internal static readonly DiagnosticDescriptor LegacySignInsFailed = new(
        DiagnosticCodes.LegacySignInsFailed, "LegacySignInsFailed", Severity.Warning, FindingKind.Usability, Confidence.Observed,
        "The product's newest legacy sign-in failed with an error the catalog does not single out.",
        Sources.SignInErrorCodes, Sources.SignInLog);

    internal static readonly DiagnosticDescriptor PerUserMfaMixedWithConditionalAccess = new(
        DiagnosticCodes.PerUserMfaMixedWithConditionalAccess, "PerUserMfaMixedWithConditionalAccess", Severity.Warning, FindingKind.Advisory, Confidence.Documented,
        "The plan mixes per-user MFA with Conditional Access.",
        Sources.UserStates);

    internal static readonly DiagnosticDescriptor ModernAuthenticationRecommended = new(
        DiagnosticCodes.ModernAuthenticationRecommended, "ModernAuthenticationRecommended", Severity.Info, FindingKind.Advisory, Confidence.Documented,
        "Modern authentication is the durable fix.",
        Sources.GraphAppOnly, Sources.RegisterApp, Sources.BasicAuthDeprecation);

    internal static readonly DiagnosticDescriptor DataNotCaptured = new(
        DiagnosticCodes.DataNotCaptured, "DataNotCaptured", Severity.Warning, FindingKind.Data, Confidence.Documented,
        "A section a check needs was not captured, failed, or holds a value this version cannot interpret.",
        Sources.Permissions);

    internal static readonly DiagnosticDescriptor TenantAppPasswordSettingUnknown = new(
        DiagnosticCodes.TenantAppPasswordSettingUnknown, "TenantAppPasswordSettingUnknown", Severity.Warning, FindingKind.Data, Confidence.Documented,
        "The tenant-wide app password switch could not be read and must be checked by hand.",
        Sources.AllowAppPasswords, Sources.MfaSettings);

    internal static readonly DiagnosticDescriptor ExchangeSettingsNotCaptured = new(
        DiagnosticCodes.ExchangeSettingsNotCaptured, "ExchangeSettingsNotCaptured", Severity.Warning, FindingKind.Data, Confidence.Documented,
        "SMTP AUTH is declared and the Exchange Online settings were not captured.",
        LegacyProtocolRetirements.SmtpAuthSource);

    internal static readonly DiagnosticDescriptor SignInEvidenceUnavailable = new(
        DiagnosticCodes.SignInEvidenceUnavailable, "SignInEvidenceUnavailable", Severity.Info, FindingKind.Data, Confidence.Documented,
        "The sign-in log or Microsoft's Conditional Access evaluation could not be read; the diagnosis rests on the configuration alone.",
        Sources.SignInLogLicensing, Sources.WhatIfApi, Sources.Permissions);

    /// <summary>APW099: a warning of the facts stage (the verdict cannot be 'available'); a rule of the outcome stage that fails is reported at info.</summary>
    internal static readonly DiagnosticDescriptor RuleFailed = new(
        DiagnosticCodes.RuleFailed, "RuleFailed", Severity.Warning, FindingKind.Data, Confidence.Observed,
        "A rule failed with an exception; the verdict is decided without it.");

    private static readonly DiagnosticDescriptor[] InCodeOrder =
    [
        UserNotFound, AccountDisabled, GuestAccount,
        SecurityDefaultsEnabled, PerUserMfaDisabled, PerUserMfaEnabledNotEnforced, MfaOnlyFromConditionalAccess, AppPasswordsDisabledForTenant,
        LegacyAuthBlockedByConditionalAccess, ConditionalAccessGrantUnsatisfiableByLegacyClients, ReportOnlyPolicyWouldBlock, ConditionalAccessPolicyMayApply, SecurityInfoRegistrationBlocked,
        ConditionalAccessEvaluationDisagrees,
        NoMfaMethodRegistered,
        FederatedDomain, SyncedFromOnPremises,
        AuthenticationMethodsPolicyMigrated,
        LegacyProtocolRetired, PrivilegedAdminAccount, SmtpAuthBasicOffByDefault, SmtpAuthDisabledForMailbox,
        PerUserMfaMixedWithConditionalAccess,
        LegacySignInsBlockedByConditionalAccess, LegacySignInsBlockedBySecurityDefaults, AccountPasswordUsedByLegacyClient, LegacySignInCredentialsRejected, LegacySignInsSucceeded, LegacySignInsFailed,
        ModernAuthenticationRecommended,
        DataNotCaptured, TenantAppPasswordSettingUnknown, ExchangeSettingsNotCaptured, SignInEvidenceUnavailable, RuleFailed,
    ];

    private static readonly FrozenDictionary<string, DiagnosticDescriptor> ByCode = InCodeOrder.ToFrozenDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every code of the catalog, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = Array.AsReadOnly(InCodeOrder);

    /// <summary>Looks up a code of the catalog (case-insensitive).</summary>
    /// <param name="code">A code such as <c>APW011</c>.</param>
    /// <param name="descriptor">The code's descriptor, when the catalog has it.</param>
    /// <returns>Whether the catalog has <paramref name="code"/>.</returns>
    public static bool TryGet(string code, [NotNullWhen(true)] out DiagnosticDescriptor? descriptor)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.TryGetValue(code, out descriptor);
    }

    /// <summary>The descriptor of a code of the catalog (case-insensitive).</summary>
    /// <param name="code">A code such as <c>APW011</c>.</param>
    /// <exception cref="KeyNotFoundException">The catalog has no such code.</exception>
    public static DiagnosticDescriptor Get(string code) =>
        TryGet(code, out var descriptor) ? descriptor : throw new KeyNotFoundException($"The diagnostic catalog has no code '{code}'.");
}
