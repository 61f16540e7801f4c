namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>The Microsoft pages the catalog's findings cite (see the domain facts).</summary>
internal static class Sources
{
    public const string AppPasswords = "https://learn.microsoft.com/entra/identity/authentication/howto-mfa-app-passwords";
    public const string AllowAppPasswords = "https://learn.microsoft.com/entra/identity/authentication/howto-mfa-app-passwords#allow-users-to-create-app-passwords";
    public const string CombinedRegistration = "https://learn.microsoft.com/entra/identity/authentication/concept-registration-mfa-sspr-combined";
    public const string UserStates = "https://learn.microsoft.com/entra/identity/authentication/howto-mfa-userstates";
    public const string MfaSettings = "https://learn.microsoft.com/entra/identity/authentication/howto-mfa-mfasettings";
    public const string SecurityDefaults = "https://learn.microsoft.com/entra/fundamentals/security-defaults";
    public const string BlockLegacyAuth = "https://learn.microsoft.com/entra/identity/conditional-access/policy-block-legacy-authentication";
    public const string ClientApps = "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-conditions#client-apps";
    public const string Conditions = "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-conditions";
    public const string ReportOnly = "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-report-only";
    public const string GrantControls = "https://learn.microsoft.com/graph/api/resources/conditionalaccessgrantcontrols";
    public const string SecurityInfoRegistration = "https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-security-info-registration";
    public const string ListMethods = "https://learn.microsoft.com/graph/api/authentication-list-methods";
    public const string MethodsMigration = "https://learn.microsoft.com/entra/identity/authentication/how-to-authentication-methods-manage";
    public const string BasicAuthDeprecation = "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online";
    public const string MandatoryMfa = "https://learn.microsoft.com/entra/identity/authentication/concept-mandatory-multifactor-authentication";
    public const string GraphAppOnly = "https://learn.microsoft.com/graph/auth-v2-service";
    public const string RegisterApp = "https://learn.microsoft.com/entra/identity-platform/quickstart-register-app";
    public const string DisableBasicAuthExchange = "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/disable-basic-authentication-in-exchange-online";
    public const string PrivilegedRoles = "https://learn.microsoft.com/entra/identity/role-based-access-control/privileged-roles-permissions";
    public const string AuthenticationFlows = "https://learn.microsoft.com/entra/identity/conditional-access/concept-authentication-flows";
    public const string TransitiveMemberOf = "https://learn.microsoft.com/graph/api/user-list-transitivememberof";
    public const string RevokeSessions = "https://learn.microsoft.com/graph/api/user-revokesigninsessions";
    public const string UserResource = "https://learn.microsoft.com/graph/api/resources/user";
    public const string Permissions = "https://learn.microsoft.com/graph/permissions-reference";
    public const string SignInLog = "https://learn.microsoft.com/graph/api/resources/signin?view=graph-rest-beta";
    public const string SignInErrorCodes = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";
    public const string WhatIf = "https://learn.microsoft.com/entra/identity/conditional-access/what-if-tool";
    public const string WhatIfApi = "https://learn.microsoft.com/graph/api/conditionalaccessroot-evaluate";
    public const string SignInLogLicensing = "https://learn.microsoft.com/graph/api/signin-list";
    public const string MfaLicensing = "https://learn.microsoft.com/entra/identity/authentication/concept-mfa-licensing";
}
