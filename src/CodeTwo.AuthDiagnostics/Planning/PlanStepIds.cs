namespace CodeTwo.AuthDiagnostics.Planning;

/// <summary>The ids of the steps the planner writes. Policy exclusions are <c>exclude-from-policy-{policyId}</c>.</summary>
internal static class PlanStepIds
{
    /// <summary>PATCH per-user MFA to enforced.</summary>
    public const string EnforcePerUserMfa = "enforce-per-user-mfa";

    /// <summary>POST revokeSignInSessions.</summary>
    public const string RevokeSignInSessions = "revoke-sign-in-sessions";

    /// <summary>PATCH accountEnabled true.</summary>
    public const string EnableAccount = "enable-account";

    /// <summary>Enable the synced account on premises.</summary>
    public const string EnableAccountOnPremises = "enable-account-on-premises";

    /// <summary>PATCH security defaults off.</summary>
    public const string DisableSecurityDefaults = "disable-security-defaults";

    /// <summary>
    /// The decision whether to turn off security defaults, when no protocol is declared (a manual step: no Graph request
    /// weakens the tenant unless a declared protocol still accepts app passwords).
    /// </summary>
    public const string DecideSecurityDefaults = "decide-security-defaults";

    /// <summary>Prefix of the decisions whether to exclude the user from a Conditional Access policy (<c>decide-ca-exclusion-{policyId}</c>).</summary>
    public const string DecideCaExclusionPrefix = "decide-ca-exclusion-";

    /// <summary>Check the Exchange Online SMTP AUTH settings by hand (they were not captured).</summary>
    public const string CheckSmtpAuth = "check-smtp-auth";

    /// <summary>Turn on SMTP AUTH for the user's mailbox (Exchange Online PowerShell; no Graph API exists).</summary>
    public const string AllowSmtpAuth = "allow-smtp-auth";

    /// <summary>Prefix of the Conditional Access exclusion steps.</summary>
    public const string ExcludeFromPolicyPrefix = "exclude-from-policy-";

    /// <summary>Check (or turn on) the tenant switch "Allow users to create app passwords".</summary>
    public const string AppPasswordSwitch = "app-password-switch";

    /// <summary>Wait for propagation.</summary>
    public const string WaitForPropagation = "wait-for-propagation";

    /// <summary>The user signs in to Security info and adds the app password.</summary>
    public const string UserAddsAppPassword = "user-adds-app-password";

    /// <summary>Capture again and diagnose again.</summary>
    public const string Verify = "verify";

    /// <summary>Grant the missing read permissions and capture again.</summary>
    public const string GrantPermissionsAndRecapture = "grant-permissions-and-recapture";

    /// <summary>Check the user name and capture again.</summary>
    public const string CheckUserAndRecapture = "check-user-and-recapture";

    /// <summary>Use a member account instead of a guest.</summary>
    public const string UseMemberAccount = "use-member-account";

    /// <summary>Catalog v1.2: the user creates an app password and the product is set to sign in with it (APW073, APW074).</summary>
    public const string ConfigureProductAppPassword = "configure-product-app-password";

    /// <summary>Catalog v1.2: find the Conditional Access policy that blocked the product's sign-in when the log names none (APW071).</summary>
    public const string ReviewSignInBlock = "review-sign-in-block";

    /// <summary>Catalog v1.2: review a blocking policy the sign-in log names that is not in the snapshot (APW071); the policy id follows.</summary>
    public const string ReviewSignInBlockPrefix = "review-sign-in-block-";
}
