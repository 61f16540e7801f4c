using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>
/// Options of the Microsoft Graph adapter (<see cref="GraphSnapshotSource"/> and <see cref="GraphExecutor"/>): which
/// cloud the tenant lives in, where requests go, and how hard the adapter pushes and retries. The defaults suit a
/// production tenant; tests and proxies set <see cref="BaseUrl"/>.
/// </summary>
/// <example>
/// <code>
/// services.AddAuthDiagnostics().AddMicrosoftGraph(graphClient, options =&gt;
/// {
///     options.Cloud = CloudEnvironment.UsGov;   // recorded in snapshots; plans use graph.microsoft.us
///     options.MaxConcurrency = 4;
/// });
/// </code>
/// </example>
public sealed record MicrosoftGraphOptions
{
    /// <summary>
    /// The cloud recorded in captured snapshots (it decides the URLs of every plan made from them). Default
    /// <see langword="null"/>: inferred from the host of the client's base URL (<c>graph.microsoft.com</c> is global,
    /// <c>graph.microsoft.us</c> US Government, <c>dod-graph.microsoft.us</c> DoD, <c>microsoftgraph.chinacloudapi.cn</c>
    /// China); a host that names no cloud (a proxy, a test server) means global.
    /// </summary>
    public CloudEnvironment? Cloud { get; set; }

    /// <summary>
    /// Sends every request to this root instead of the client's base URL (for example <c>http://127.0.0.1:5000</c> or a
    /// proxy), without changing <see cref="Cloud"/>: plan URLs on the cloud's Graph host are re-based onto it. A trailing
    /// <c>/v1.0</c> or <c>/beta</c> is ignored. Default <see langword="null"/>: the client's base URL.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The tenant id to record; default <see langword="null"/> reads it with <c>GET /v1.0/organization?$select=id</c>.</summary>
    public Guid? TenantId { get; set; }

    /// <summary>How many HTTP requests (a <c>$batch</c> counts as one) may be in flight at once. Default 8; 1 to 64.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// How many times a request answered with 429, 503 or 504 (or timed out, or failed in transport) is tried in all,
    /// the first try included. Default 6; 1 disables retries. Applies to the capture only: the plan runner retries writes itself.
    /// </summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// The first back-off when Graph sends no <c>Retry-After</c> (the Conditional Access API never does); it doubles with
    /// every attempt up to <see cref="MaxRetryDelay"/>. Default 1 second.
    /// </summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait between attempts, whatever <c>Retry-After</c> says. Default 60 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one HTTP attempt may take before it is abandoned (measured on the injected <see cref="TimeProvider"/>).
    /// Default 100 seconds (Graph's authentication-methods APIs time out after 60). <see cref="Timeout.InfiniteTimeSpan"/>
    /// turns it off.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Whether to read the undocumented <c>GET /beta/policies/mfaServicePolicy</c> (the tenant-wide "Allow users to create
    /// app passwords" switch). Best effort: a 400 or 404 records the section as not captured. Default <see langword="true"/>.
    /// </summary>
    public bool CaptureMfaServicePolicy { get; set; } = true;

    internal void Validate()
    {
        if (MaxConcurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "MaxConcurrency must be between 1 and 64.");
        }

        if (MaxAttempts is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be between 1 and 20.");
        }

        if (InitialRetryDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialRetryDelay), "Retry delays cannot be negative.");
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "RequestTimeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        if (BaseUrl is { IsAbsoluteUri: false } || BaseUrl is { } url && url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException("BaseUrl must be an absolute http or https URL.", nameof(BaseUrl));
        }
    }
}
