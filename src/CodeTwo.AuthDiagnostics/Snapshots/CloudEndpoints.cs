namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// The Microsoft Graph endpoint and sign-in authority of each Microsoft cloud (and, for the library's plans, its
/// portals), in the one table that plans, the Graph package's capture and the CLI use. A host connecting to a national
/// cloud builds its <c>GraphServiceClient</c> and credential from it. Graph and authority hosts are documented by
/// Microsoft (national cloud deployments); the national-cloud portal hosts are the best known values. Immutable.
/// </summary>
/// <example>
/// <code>
/// CloudEndpoints endpoints = CloudEndpoints.For(CloudEnvironment.UsGov);
/// var credential = new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions { AuthorityHost = new Uri(endpoints.AuthorityHost) });
/// var graph = new GraphServiceClient(credential, [endpoints.GraphBaseUrl + "/.default"], endpoints.GraphBaseUrl + "/v1.0");
/// </code>
/// </example>
public sealed class CloudEndpoints
{
    private CloudEndpoints(CloudEnvironment cloud, string graphBaseUrl, string authorityHost, string entraAdminCenter, string securityInfoUrl, string legacyMfaPortal)
    {
        Cloud = cloud;
        GraphBaseUrl = graphBaseUrl;
        AuthorityHost = authorityHost;
        EntraAdminCenter = entraAdminCenter;
        SecurityInfoUrl = securityInfoUrl;
        LegacyMfaPortal = legacyMfaPortal;
    }

    /// <summary>The cloud.</summary>
    public CloudEnvironment Cloud { get; }

    /// <summary>Microsoft Graph, without a trailing slash or version, for example <c>https://graph.microsoft.us</c>.</summary>
    public string GraphBaseUrl { get; }

    /// <summary>The Entra ID sign-in authority, for example <c>https://login.microsoftonline.us</c>.</summary>
    public string AuthorityHost { get; }

    /// <summary>The Microsoft Entra admin center.</summary>
    internal string EntraAdminCenter { get; }

    /// <summary>The user's Security info page.</summary>
    internal string SecurityInfoUrl { get; }

    /// <summary>The legacy per-user MFA portal host.</summary>
    internal string LegacyMfaPortal { get; }

    /// <summary>The global cloud (and Microsoft 365 GCC).</summary>
    internal static CloudEndpoints Global { get; } = new(CloudEnvironment.Global, "https://graph.microsoft.com", "https://login.microsoftonline.com", "https://entra.microsoft.com", "https://mysignins.microsoft.com/security-info", "https://account.activedirectory.windowsazure.com");

    /// <summary>US Government L4 (GCC High).</summary>
    internal static CloudEndpoints UsGov { get; } = new(CloudEnvironment.UsGov, "https://graph.microsoft.us", "https://login.microsoftonline.us", "https://entra.microsoft.us", "https://mysignins.microsoft.us/security-info", "https://account.activedirectory.windowsazure.us");

    /// <summary>US Government L5 (DoD).</summary>
    internal static CloudEndpoints UsGovDoD { get; } = new(CloudEnvironment.UsGovDoD, "https://dod-graph.microsoft.us", "https://login.microsoftonline.us", "https://entra.microsoft.us", "https://mysignins.microsoft.us/security-info", "https://account.activedirectory.windowsazure.us");

    /// <summary>Microsoft Azure operated by 21Vianet.</summary>
    internal static CloudEndpoints China { get; } = new(CloudEnvironment.China, "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn", "https://entra.microsoftonline.cn", "https://mysignins.azure.cn/security-info", "https://account.activedirectory.windowsazure.cn");

    /// <summary>The endpoints of <paramref name="cloud"/>.</summary>
    /// <param name="cloud">The cloud.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cloud"/> is not a named member.</exception>
    public static CloudEndpoints For(CloudEnvironment cloud) => cloud switch
    {
        CloudEnvironment.Global => Global,
        CloudEnvironment.UsGov => UsGov,
        CloudEnvironment.UsGovDoD => UsGovDoD,
        CloudEnvironment.China => China,
        _ => throw new ArgumentOutOfRangeException(nameof(cloud), cloud, "Unknown cloud."),
    };

    /// <summary>An absolute Graph URL for a path such as <c>/v1.0/users/{id}</c>.</summary>
    /// <param name="path">The path, starting with the version segment.</param>
    internal string Graph(string path) => GraphBaseUrl + path;
}
