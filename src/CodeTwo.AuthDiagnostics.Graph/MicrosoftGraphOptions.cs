namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>
/// Options of the Microsoft Graph adapter (<see cref="GraphSnapshotSource"/> and <see cref="GraphExecutor"/>), all in
/// one type: which cloud the tenant lives in, where requests go, how hard the adapter pushes and retries, and what a
/// capture reads. The defaults suit a production tenant; tests and proxies set <see cref="BaseUrl"/>.
/// </summary>
/// <remarks>
/// <para>
/// The options are checked once, with one set of rules: by <c>AddMicrosoftGraph</c> when the host starts
/// (<c>ValidateOnStart</c>: an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> whose failures name
/// each property out of range, its allowed range and its value), or, without dependency injection, by the
/// <see cref="GraphSnapshotSource"/> and <see cref="GraphExecutor"/> constructors (an <see cref="ArgumentException"/>,
/// <see cref="ArgumentOutOfRangeException"/> for a value out of its range, with the same messages). A source or executor
/// copies what it needs when it is built: changing the object afterwards changes nothing.
/// </para>
/// <para>
/// Retries: a request answered 429, 503 or 504 (or timed out, or failed in transport) is tried again after
/// <c>Retry-After</c> (seconds or an HTTP date, measured on the injected clock) or, without it, after a back-off from
/// <see cref="InitialRetryDelay"/> doubling up to <see cref="MaxRetryDelay"/>, up to <see cref="MaxAttempts"/> attempts.
/// A 429 pauses every request of the adapter for as long, except a Conditional Access read (that API has a limit of its
/// own and sends no <c>Retry-After</c>). It is the same retry policy as the plan runner's (<c>PlanRunOptions</c>).
/// </para>
/// <para>
/// Cost of a capture per user, in requests (20 of them share one <c>$batch</c> HTTP call): <c>authenticationRequirements</c>
/// 1 (always read: the diagnosis cannot work without it), <c>authenticationMethods</c> 1, <c>transitiveMemberOf</c> 1
/// plus one per further page of 999 memberships, <c>conditionalAccessEvaluation</c> 2 or 3 (one per client type, one for
/// registering security information). The user object itself costs one request in a per-user capture and
/// nothing in a tenant-wide one (it comes with the listing). Graph evaluates every request of a batch against its
/// throttling limits.
/// </para>
/// <para>
/// The sign-in log (<c>signIns</c>) is not read per user in large captures: a tenant-wide capture, and a capture of more
/// than ten named users, reads the legacy sign-ins of the last 7 days once, in pages of 1,000, before the first user is
/// written, and gives each user its newest 50 (memory: at most 50 sign-ins per user who has legacy sign-ins, held until
/// that user is written). A capture of up to ten named users asks for each user's sign-ins alone (<c>userId eq</c>) and
/// stops after the first 50.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// services.AddAuthDiagnostics().AddMicrosoftGraph(graphClient, options =&gt;
/// {
///     options.Cloud = CloudEnvironment.UsGov;   // recorded in snapshots; plans use graph.microsoft.us
///     options.MaxConcurrency = 4;
///     options.UserSections = UserSectionSelection.AuthenticationMethods;   // no memberships
/// });
/// </code>
/// </example>
public sealed class MicrosoftGraphOptions
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
    /// <c>/v1.0</c> or <c>/beta</c> is ignored. Default <see langword="null"/>: the client's base URL. Must be an absolute
    /// http or https URL.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The tenant id to record; default <see langword="null"/> reads it with <c>GET /v1.0/organization?$select=id</c>.</summary>
    public Guid? TenantId { get; set; }

    /// <summary>How many HTTP requests (a <c>$batch</c> counts as one) may be in flight at once. Default 8; 1 to 64.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// How many times a capture request answered with 429, 503 or 504 (or timed out, or failed in transport) is tried in
    /// all, the first try included. Default 6; 1 to 20 (1 disables retries). The <see cref="GraphExecutor"/> sends each
    /// plan request once: the plan runner retries it with the same policy, configured by <c>PlanRunOptions</c>.
    /// </summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// The first back-off when Graph sends no <c>Retry-After</c> (the Conditional Access API never does); it doubles with
    /// every attempt up to <see cref="MaxRetryDelay"/>. Default 1 second; not negative, not above <see cref="MaxRetryDelay"/>.
    /// </summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait between attempts, whatever <c>Retry-After</c> says. Default 60 seconds; not negative.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one HTTP attempt may take before it is abandoned (measured on the injected <see cref="TimeProvider"/>).
    /// Default 100 seconds (Graph's authentication-methods APIs time out after 60). Positive, or
    /// <see cref="Timeout.InfiniteTimeSpan"/> to turn it off.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Whether to read the undocumented <c>GET /beta/policies/mfaServicePolicy</c> (the tenant-wide "Allow users to create
    /// app passwords" switch). Best effort: a 400 or 404 records the section as not captured. Default <see langword="true"/>.
    /// </summary>
    public bool CaptureMfaServicePolicy { get; set; } = true;

    /// <summary>
    /// The user sections a capture of named users reads (<see cref="GraphSnapshotSource.CaptureAsync(SnapshotRequest, CancellationToken)"/>),
    /// and, unless <see cref="TenantUserSections"/> says otherwise, a tenant-wide one without
    /// <see cref="UserSectionSelection.ConditionalAccessEvaluation"/>. <see cref="UserSectionSelection.AuthenticationRequirements"/>
    /// is always read, whatever this says; the others are recorded as not captured when left out. Default
    /// <see cref="UserSectionSelection.All"/>; only the named flags. Without <see cref="UserSectionSelection.TransitiveMemberOf"/>,
    /// a Conditional Access policy scoped to groups or roles makes the diagnosis indeterminate.
    /// </summary>
    public UserSectionSelection UserSections { get; set; } = UserSectionSelection.All;

    /// <summary>
    /// The user sections a tenant-wide capture reads (<see cref="GraphSnapshotSource.CaptureTenantAsync"/>, and
    /// <see cref="SnapshotRequest.AllUsers"/>). Default <see langword="null"/>: <see cref="UserSections"/> without
    /// <see cref="UserSectionSelection.ConditionalAccessEvaluation"/>, because What-If costs up to three requests per user
    /// against the Conditional Access API's limit of one request per second per tenant (about 8 hours for 10,000 users);
    /// set it (for example to <see cref="UserSectionSelection.All"/>) to evaluate every user. Only the named flags.
    /// </summary>
    public UserSectionSelection? TenantUserSections { get; set; }

    /// <summary>
    /// The legacy protocols the host's product signs in with, using an app password: they decide the client types the
    /// What-If evaluations (<see cref="UserSectionSelection.ConditionalAccessEvaluation"/>) ask about (<c>other</c> for
    /// SMTP, IMAP, POP, EWS, Remote PowerShell and MAPI; <c>exchangeActiveSync</c> for Exchange ActiveSync; both when none
    /// is declared). Default <see langword="null"/>: under dependency injection <c>AddMicrosoftGraph</c> takes
    /// <see cref="AuthDiagnosticsOptions.LegacyProtocols"/>, so the capture asks what the diagnosis will look for; without
    /// it, none declared.
    /// </summary>
    public LegacyProtocols? LegacyProtocols { get; set; }

    /// <summary>
    /// The app id of the resource the product signs in to, which the What-If evaluations name in
    /// <c>includeApplications</c>. Default <see langword="null"/>: under dependency injection <c>AddMicrosoftGraph</c> takes
    /// <see cref="AuthDiagnosticsOptions.TargetResourceAppId"/>; without it Exchange Online
    /// (<c>00000002-0000-0ff1-ce00-000000000000</c>). Must be a GUID when set.
    /// </summary>
    public string? TargetResourceAppId { get; set; }

    /// <summary>
    /// Users per page of the tenant-wide listing (<c>$top</c>). Default 999; 1 to 999 (Graph rejects a larger
    /// <c>$top</c>). A tenant-wide capture holds at most three pages in memory.
    /// </summary>
    public int PageSize { get; set; } = 999;
}
