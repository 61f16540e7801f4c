namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>
/// Where requests go (the root: the client's base URL or the <see cref="MicrosoftGraphOptions.BaseUrl"/> override,
/// without its version segment) and which cloud the snapshot records (the option, or the client's host, else global).
/// </summary>
internal sealed class GraphEndpoints
{
    private GraphEndpoints(string root, CloudEnvironment cloud, bool cloudInferred)
    {
        Root = root;
        Cloud = cloud;
        CloudFromHost = cloudInferred;
        CloudGraphBase = CloudEndpoints.For(cloud).GraphBaseUrl;
    }

    /// <summary>Scheme, host, port and path prefix of every request, without a trailing slash or version segment.</summary>
    public string Root { get; }

    /// <summary>The cloud recorded in snapshots.</summary>
    public CloudEnvironment Cloud { get; }

    /// <summary>Whether <see cref="Cloud"/> came from a known Graph host (rather than the option or the default).</summary>
    public bool CloudFromHost { get; }

    /// <summary>The cloud's own Graph base URL, for example <c>https://graph.microsoft.us</c>.</summary>
    public string CloudGraphBase { get; }

    public static GraphEndpoints Create(string? clientBaseUrl, MicrosoftGraphOptions options)
    {
        string baseUrl = options.BaseUrl?.AbsoluteUri ?? clientBaseUrl ?? CloudEndpoints.For(CloudEnvironment.Global).GraphBaseUrl + "/v1.0";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed))
        {
            throw new ArgumentException($"The Graph base URL '{baseUrl}' is not an absolute URL.", nameof(clientBaseUrl));
        }

        CloudEnvironment? fromClient = Uri.TryCreate(clientBaseUrl, UriKind.Absolute, out var client) ? CloudOfHost(client.Host) : null;
        CloudEnvironment? fromOverride = CloudOfHost(parsed.Host);
        var cloud = options.Cloud ?? fromClient ?? fromOverride;
        return new GraphEndpoints(RootOf(parsed), cloud ?? CloudEnvironment.Global, options.Cloud is null && cloud is not null);
    }

    /// <summary>The cloud whose Graph endpoint lives on <paramref name="host"/>, or <see langword="null"/>.</summary>
    public static CloudEnvironment? CloudOfHost(string host)
    {
        foreach (var cloud in (ReadOnlySpan<CloudEnvironment>)[CloudEnvironment.Global, CloudEnvironment.UsGov, CloudEnvironment.UsGovDoD, CloudEnvironment.China])
        {
            if (string.Equals(new Uri(CloudEndpoints.For(cloud).GraphBaseUrl).Host, host, StringComparison.OrdinalIgnoreCase))
            {
                return cloud;
            }
        }

        return null;
    }

    /// <summary>An absolute URL for <paramref name="pathAndQuery"/> (starting with <c>/</c>) on the given version.</summary>
    public Uri Url(string version, string pathAndQuery) => new(Root + "/" + version + pathAndQuery);

    /// <summary>The <c>$batch</c> endpoint of a version.</summary>
    public Uri Batch(string version) => Url(version, "/$batch");

    /// <summary>
    /// Maps an absolute URL from a plan or an <c>@odata.nextLink</c> onto <see cref="Root"/>: URLs on the cloud's Graph host
    /// are re-based (so a proxy or test server keeps the chosen cloud), URLs already on the root are kept. Anything else is
    /// refused, so that the host's access token is never sent to a foreign host.
    /// </summary>
    public bool TryRebase(string url, out Uri rebased)
    {
        rebased = null!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        string absolute = parsed.AbsoluteUri;
        foreach (string prefix in (ReadOnlySpan<string>)[Root, CloudGraphBase])
        {
            if (absolute.Length > prefix.Length && absolute.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && absolute[prefix.Length] == '/')
            {
                rebased = new Uri(Root + absolute[prefix.Length..]);
                return true;
            }
        }

        return false;
    }

    /// <summary>The URL's path without its query (what logs show: queries can hold names and skip tokens).</summary>
    public static string PathOf(Uri url) => url.AbsolutePath;

    private static string RootOf(Uri url)
    {
        string path = url.AbsolutePath.TrimEnd('/');
        foreach (string version in (ReadOnlySpan<string>)["/v1.0", "/beta"])
        {
            if (path.EndsWith(version, StringComparison.OrdinalIgnoreCase))
            {
                path = path[..^version.Length];
                break;
            }
        }

        return url.GetLeftPart(UriPartial.Authority) + path;
    }
}
