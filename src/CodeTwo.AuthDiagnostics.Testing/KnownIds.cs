namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>Directory role template ids (the values Conditional Access <c>includeRoles</c> and <c>excludeRoles</c> hold).</summary>
public static class KnownRoles
{
    /// <summary>Global Administrator.</summary>
    public const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";

    /// <summary>Exchange Administrator.</summary>
    public const string ExchangeAdministrator = "29232cdf-9323-42fd-ade2-1d097af3e4de";

    /// <summary>SharePoint Administrator.</summary>
    public const string SharePointAdministrator = "f28a1f50-f6e7-4571-818b-6a12f2af6b6c";

    /// <summary>Security Administrator.</summary>
    public const string SecurityAdministrator = "194ae4cb-b126-40b2-bd5b-6091b380977d";

    /// <summary>Security Reader.</summary>
    public const string SecurityReader = "5d6b6bb7-de71-4623-b4af-96380a352509";

    /// <summary>User Administrator.</summary>
    public const string UserAdministrator = "fe930be7-5e62-47db-91af-98c3a49a38b1";

    /// <summary>Helpdesk Administrator.</summary>
    public const string HelpdeskAdministrator = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

    /// <summary>Billing Administrator.</summary>
    public const string BillingAdministrator = "b0f54661-2d74-4c50-afa3-1ec803f12efe";

    /// <summary>Conditional Access Administrator.</summary>
    public const string ConditionalAccessAdministrator = "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9";

    /// <summary>Privileged Role Administrator.</summary>
    public const string PrivilegedRoleAdministrator = "e8611ab8-c189-46e8-94e1-60213ab1f814";

    /// <summary>Privileged Authentication Administrator.</summary>
    public const string PrivilegedAuthenticationAdministrator = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13";

    /// <summary>Application Administrator.</summary>
    public const string ApplicationAdministrator = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";

    /// <summary>Cloud Application Administrator.</summary>
    public const string CloudApplicationAdministrator = "158c047a-c907-4556-b7ef-446551a6b5f7";

    /// <summary>Global Reader.</summary>
    public const string GlobalReader = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

    /// <summary>Teams Administrator.</summary>
    public const string TeamsAdministrator = "69091246-20e8-4a56-aa4d-066075b2a7a8";

    /// <summary>Intune Administrator.</summary>
    public const string IntuneAdministrator = "3a2c62db-5318-420d-8d74-23affee5d9d5";

    /// <summary>The display name Graph gives the role with <paramref name="roleTemplateId"/>, or <see langword="null"/> for a role not listed here.</summary>
    /// <param name="roleTemplateId">A role template id.</param>
    public static string? DisplayNameOf(string roleTemplateId) => roleTemplateId switch
    {
        GlobalAdministrator => "Global Administrator",
        ExchangeAdministrator => "Exchange Administrator",
        SharePointAdministrator => "SharePoint Administrator",
        SecurityAdministrator => "Security Administrator",
        SecurityReader => "Security Reader",
        UserAdministrator => "User Administrator",
        HelpdeskAdministrator => "Helpdesk Administrator",
        BillingAdministrator => "Billing Administrator",
        ConditionalAccessAdministrator => "Conditional Access Administrator",
        PrivilegedRoleAdministrator => "Privileged Role Administrator",
        PrivilegedAuthenticationAdministrator => "Privileged Authentication Administrator",
        ApplicationAdministrator => "Application Administrator",
        CloudApplicationAdministrator => "Cloud Application Administrator",
        GlobalReader => "Global Reader",
        TeamsAdministrator => "Teams Administrator",
        IntuneAdministrator => "Intune Administrator",
        _ => null,
    };
}

/// <summary>The literals Conditional Access <c>users</c> conditions hold besides ids.</summary>
public static class KnownUsers
{
    /// <summary>The literal <c>All</c>: every user.</summary>
    public const string All = "All";

    /// <summary>The literal <c>None</c>: nobody.</summary>
    public const string None = "None";

    /// <summary>The literal <c>GuestsOrExternalUsers</c>: users whose <c>userType</c> is <c>Guest</c>.</summary>
    public const string GuestsOrExternalUsers = "GuestsOrExternalUsers";
}

/// <summary>User actions a Conditional Access policy can target (<c>includeUserActions</c>).</summary>
public static class KnownUserActions
{
    /// <summary><c>urn:user:registersecurityinfo</c>: registering security information (where app passwords are added).</summary>
    public const string RegisterSecurityInfo = "urn:user:registersecurityinfo";

    /// <summary><c>urn:user:registerdevice</c>: registering or joining devices.</summary>
    public const string RegisterOrJoinDevices = "urn:user:registerdevice";
}

/// <summary>Named-location literals of the <c>locations</c> condition.</summary>
public static class KnownLocations
{
    /// <summary><c>All</c>: any location.</summary>
    public const string All = "All";

    /// <summary><c>AllTrusted</c>: every location marked as trusted.</summary>
    public const string AllTrusted = "AllTrusted";
}

/// <summary>The built-in authentication strengths (display names accepted by <see cref="ConditionalAccessPolicyBuilder.RequireAuthenticationStrength"/>).</summary>
public static class KnownAuthenticationStrengths
{
    /// <summary><c>Multifactor authentication</c> (id <c>00000000-0000-0000-0000-000000000002</c>).</summary>
    public const string Multifactor = "Multifactor authentication";

    /// <summary><c>Passwordless MFA</c> (id <c>00000000-0000-0000-0000-000000000003</c>).</summary>
    public const string PasswordlessMfa = "Passwordless MFA";

    /// <summary><c>Phishing-resistant MFA</c> (id <c>00000000-0000-0000-0000-000000000004</c>).</summary>
    public const string PhishingResistantMfa = "Phishing-resistant MFA";
}

/// <summary>Licence ids the diagnosis looks at, and the SKUs the builder uses.</summary>
public static class KnownLicenses
{
    /// <summary>Service plan <c>AAD_PREMIUM</c> (Microsoft Entra ID P1): Conditional Access can be in force.</summary>
    public const string EntraIdP1ServicePlanId = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";

    /// <summary>Service plan <c>AAD_PREMIUM_P2</c> (Microsoft Entra ID P2).</summary>
    public const string EntraIdP2ServicePlanId = "eec0eb4f-6444-4f95-aba0-50c24d67f998";

    /// <summary>SKU <c>O365_BUSINESS_PREMIUM</c> (Microsoft 365 Business Standard, no Entra ID P1): the builder's default.</summary>
    public const string BusinessStandardSkuId = "f245ecc8-75af-4f8e-b61f-27d8114de5f3";

    /// <summary>SKU <c>SPB</c> (Microsoft 365 Business Premium, includes Entra ID P1).</summary>
    public const string BusinessPremiumSkuId = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";

    /// <summary>SKU <c>SPE_E5</c> (Microsoft 365 E5, includes Entra ID P1 and P2).</summary>
    public const string Microsoft365E5SkuId = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
}
