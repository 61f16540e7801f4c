using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>The codes of diagnostic catalog v1.1.</summary>
public static class DiagnosticCodes
{
    /// <summary>The requested user is not in the snapshot.</summary>
    public const string UserNotFound = "APW001";

    /// <summary><c>accountEnabled</c> is false.</summary>
    public const string AccountDisabled = "APW002";

    /// <summary>The user is a B2B guest.</summary>
    public const string GuestAccount = "APW003";

    /// <summary>Security defaults are enabled: legacy sign-ins are blocked.</summary>
    public const string SecurityDefaultsEnabled = "APW010";

    /// <summary>Per-user MFA is disabled.</summary>
    public const string PerUserMfaDisabled = "APW011";

    /// <summary>Per-user MFA is enabled but not enforced.</summary>
    public const string PerUserMfaEnabledNotEnforced = "APW012";

    /// <summary>MFA comes only from Conditional Access.</summary>
    public const string MfaOnlyFromConditionalAccess = "APW013";

    /// <summary>The tenant switch "Allow users to create app passwords" is off.</summary>
    public const string AppPasswordsDisabledForTenant = "APW014";

    /// <summary>A Conditional Access policy blocks legacy authentication.</summary>
    public const string LegacyAuthBlockedByConditionalAccess = "APW020";

    /// <summary>A Conditional Access policy requires a grant legacy clients cannot satisfy.</summary>
    public const string ConditionalAccessGrantUnsatisfiableByLegacyClients = "APW021";

    /// <summary>A report-only policy would block.</summary>
    public const string ReportOnlyPolicyWouldBlock = "APW022";

    /// <summary>A policy may apply depending on the sign-in.</summary>
    public const string ConditionalAccessPolicyMayApply = "APW023";

    /// <summary>Registering security info is blocked by a policy.</summary>
    public const string SecurityInfoRegistrationBlocked = "APW024";

    /// <summary>No MFA method is registered.</summary>
    public const string NoMfaMethodRegistered = "APW030";

    /// <summary>The user's domain is federated.</summary>
    public const string FederatedDomain = "APW040";

    /// <summary>The account is synchronized from on-premises.</summary>
    public const string SyncedFromOnPremises = "APW041";

    /// <summary>The authentication methods policy migration is complete.</summary>
    public const string AuthenticationMethodsPolicyMigrated = "APW050";

    /// <summary>
    /// A declared legacy protocol no longer accepts app passwords on the capture date (a usability blocker when every
    /// declared protocol is retired, a warning when some are, an advisory with the retirement table when none is declared).
    /// </summary>
    public const string LegacyProtocolRetired = "APW060";

    /// <summary>The account holds a directory role.</summary>
    public const string PrivilegedAdminAccount = "APW061";

    /// <summary>SMTP AUTH is declared and, from 2027-01-01, Basic authentication for it is off by default; the Exchange Online settings do not show it allowed.</summary>
    public const string SmtpAuthBasicOffByDefault = "APW062";

    /// <summary>SMTP AUTH is declared and the captured Exchange Online settings turn it off for this user (mailbox, tenant or authentication policy).</summary>
    public const string SmtpAuthDisabledForMailbox = "APW063";

    /// <summary>
    /// Microsoft's Conditional Access evaluation (What-If) answers authoritatively that a policy applies where the
    /// configuration reading says it does not, or the reverse (catalog v1.2); the policy's finding follows Microsoft.
    /// </summary>
    public const string ConditionalAccessEvaluationDisagrees = "APW025";

    /// <summary>The product's newest legacy sign-in was blocked by Conditional Access (error 53003).</summary>
    public const string LegacySignInsBlockedByConditionalAccess = "APW071";

    /// <summary>The product's newest legacy sign-in was blocked by security defaults (error 530035).</summary>
    public const string LegacySignInsBlockedBySecurityDefaults = "APW072";

    /// <summary>
    /// The product's newest legacy sign-in needed MFA (errors 50076, 50079, 50074): it sent the account's own password,
    /// where a legacy client must send an app password.
    /// </summary>
    public const string AccountPasswordUsedByLegacyClient = "APW073";

    /// <summary>The product's newest legacy sign-in was refused for a wrong password (error 50126): a deleted or mistyped app password.</summary>
    public const string LegacySignInCredentialsRejected = "APW074";

    /// <summary>The product's newest legacy sign-in succeeded (information; changes no verdict).</summary>
    public const string LegacySignInsSucceeded = "APW075";

    /// <summary>The product's newest legacy sign-in failed with another error code (a warning naming the code and reason).</summary>
    public const string LegacySignInsFailed = "APW076";

    /// <summary>The plan mixes per-user MFA with Conditional Access.</summary>
    public const string PerUserMfaMixedWithConditionalAccess = "APW070";

    /// <summary>Modern authentication is the durable fix.</summary>
    public const string ModernAuthenticationRecommended = "APW080";

    /// <summary>A section a check needs was not captured (or failed), or holds a value this version cannot interpret.</summary>
    public const string DataNotCaptured = "APW090";

    /// <summary>The tenant-wide app password switch could not be read.</summary>
    public const string TenantAppPasswordSettingUnknown = "APW091";

    /// <summary>SMTP AUTH is declared and the <c>exchangeOnline</c> section was not captured (does not downgrade the verdict).</summary>
    public const string ExchangeSettingsNotCaptured = "APW092";

    /// <summary>
    /// The sign-in log or Microsoft's Conditional Access evaluation could not be read (the section failed): names the
    /// status, Graph's error and what is needed. Information only; never changes the verdict (catalog v1.2).
    /// </summary>
    public const string SignInEvidenceUnavailable = "APW093";

    /// <summary>A rule failed with an exception (not in catalog v1: a library-level data finding).</summary>
    public const string RuleFailed = "APW099";
}
