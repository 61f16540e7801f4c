
namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>
/// The Graph endpoint, sign-in authority and portals of each Microsoft cloud, in one table used by plans, capture and
/// the CLI. Graph and authority hosts are documented by Microsoft (national cloud deployments); the national-cloud
/// portal hosts are the best known values.
/// </summary>
/// <param name="Cloud">The cloud.</param>
/// <param name="GraphBaseUrl">Microsoft Graph, without a trailing slash.</param>
/// <param name="AuthorityHost">The Entra ID sign-in authority.</param>
/// <param name="EntraAdminCenter">The Microsoft Entra admin center.</param>
/// <param name="SecurityInfoUrl">The user's Security info page.</param>
/// <param name="LegacyMfaPortal">The legacy per-user MFA portal host.</param>
internal sealed record CloudEndpoints(CloudEnvironment Cloud, string GraphBaseUrl, string AuthorityHost, string EntraAdminCenter, string SecurityInfoUrl, string LegacyMfaPortal)
{
    /// <summary>The global cloud (and Microsoft 365 GCC).</summary>
    public static CloudEndpoints Global { get; } = new(CloudEnvironment.Global, "https://graph.microsoft.com", "https://login.microsoftonline.com", "https://entra.microsoft.com", "https://mysignins.microsoft.com/security-info", "https://account.activedirectory.windowsazure.com");

    /// <summary>US Government L4 (GCC High).</summary>
    public static CloudEndpoints UsGov { get; } = new(CloudEnvironment.UsGov, "https://graph.microsoft.us", "https://login.microsoftonline.us", "https://entra.microsoft.us", "https://mysignins.microsoft.us/security-info", "https://account.activedirectory.windowsazure.us");

    /// <summary>US Government L5 (DoD).</summary>
    public static CloudEndpoints UsGovDoD { get; } = new(CloudEnvironment.UsGovDoD, "https://dod-graph.microsoft.us", "https://login.microsoftonline.us", "https://entra.microsoft.us", "https://mysignins.microsoft.us/security-info", "https://account.activedirectory.windowsazure.us");

    /// <summary>Microsoft Azure operated by 21Vianet.</summary>
    public static CloudEndpoints China { get; } = new(CloudEnvironment.China, "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn", "https://entra.microsoftonline.cn", "https://mysignins.azure.cn/security-info", "https://account.activedirectory.windowsazure.cn");

    /// <summary>The endpoints of <paramref name="cloud"/>.</summary>
    /// <param name="cloud">The cloud.</param>
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
    public string Graph(string path) => GraphBaseUrl + path;
}
