namespace CodeTwo.AuthDiagnostics.Testing.Internal;

/// <summary>Parts of Graph payloads that do not depend on the builder's configuration, as compact UTF-8 JSON.</summary>
internal static class StaticPayloads
{
    /// <summary><c>registrationEnforcement</c> of the authentication methods policy (the Authenticator registration campaign, default state).</summary>
    public static readonly byte[] RegistrationEnforcement = """
        {"authenticationMethodsRegistrationCampaign":{"snoozeDurationInDays":1,"enforceRegistrationAfterAllowedSnoozes":true,"state":"default","excludeTargets":[],"includeTargets":[{"id":"all_users","targetType":"group","targetedAuthenticationMethod":"microsoftAuthenticator"}]}}
        """u8.ToArray();

    /// <summary><c>authenticationMethodConfigurations</c> of the authentication methods policy, as a new tenant has them.</summary>
    public static readonly byte[] AuthenticationMethodConfigurations = """
        [{"@odata.type":"#microsoft.graph.fido2AuthenticationMethodConfiguration","id":"Fido2","state":"disabled","isSelfServiceRegistrationAllowed":true,"isAttestationEnforced":true,"keyRestrictions":{"isEnforced":false,"enforcementType":"block","aaGuids":[]},"excludeTargets":[],"includeTargets":[{"targetType":"group","id":"all_users","isRegistrationRequired":false}]},{"@odata.type":"#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration","id":"MicrosoftAuthenticator","state":"enabled","isSoftwareOathEnabled":false,"excludeTargets":[],"includeTargets":[{"targetType":"group","id":"all_users","isRegistrationRequired":false,"authenticationMode":"any"}]},{"@odata.type":"#microsoft.graph.smsAuthenticationMethodConfiguration","id":"Sms","state":"enabled","excludeTargets":[],"includeTargets":[{"targetType":"group","id":"all_users","isRegistrationRequired":false,"isUsableForSignIn":false}]},{"@odata.type":"#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration","id":"TemporaryAccessPass","state":"disabled","defaultLifetimeInMinutes":60,"defaultLength":8,"minimumLifetimeInMinutes":60,"maximumLifetimeInMinutes":480,"isUsableOnce":false,"excludeTargets":[],"includeTargets":[{"targetType":"group","id":"all_users","isRegistrationRequired":false}]},{"@odata.type":"#microsoft.graph.softwareOathAuthenticationMethodConfiguration","id":"SoftwareOath","state":"disabled","excludeTargets":[],"includeTargets":[{"targetType":"group","id":"all_users","isRegistrationRequired":false}]},{"@odata.type":"#microsoft.graph.voiceAuthenticationMethodConfiguration","id":"Voice","state":"disabled","isOfficePhoneAllowed":false,"excludeTargets":[],"includeTargets":[{"targetType":"group","id":"all_users","isRegistrationRequired":false}]},{"@odata.type":"#microsoft.graph.emailAuthenticationMethodConfiguration","id":"Email","state":"enabled","allowExternalIdToUseEmailOtp":"default","excludeTargets":[],"includeTargets":[]}]
        """u8.ToArray();

    /// <summary>Allowed combinations of the built-in "Multifactor authentication" strength.</summary>
    public static readonly string[] MfaCombinations =
    [
        "windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush", "temporaryAccessPassOneTime",
        "temporaryAccessPassMultiUse", "password,microsoftAuthenticatorPush", "password,softwareOath", "password,hardwareOath",
        "password,sms", "password,voice", "federatedMultiFactor", "microsoftAuthenticatorPush,federatedSingleFactor",
        "softwareOath,federatedSingleFactor", "hardwareOath,federatedSingleFactor", "sms,federatedSingleFactor",
        "voice,federatedSingleFactor",
    ];

    /// <summary>Allowed combinations of the built-in "Passwordless MFA" strength.</summary>
    public static readonly string[] PasswordlessCombinations = ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush"];

    /// <summary>Allowed combinations of the built-in "Phishing-resistant MFA" strength.</summary>
    public static readonly string[] PhishingResistantCombinations = ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"];
}
