using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;

namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>
/// Captures tenant auth snapshots from Microsoft Graph through the host's <see cref="GraphServiceClient"/> (its
/// authentication, HttpClient and handlers; beta endpoints through its request adapter, without the beta SDK).
/// Tenant sections are read concurrently; per-user requests go through JSON batching (20 per <c>$batch</c>, beta URLs
/// through <c>/beta/$batch</c>); every collection is followed to its last page. Throttled and unavailable answers
/// (429, 503, 504) are retried, honouring <c>Retry-After</c> and backing off exponentially where it is absent, with a
/// bounded number of requests in flight: the retry policy the plan runner uses too, configured by
/// <see cref="MicrosoftGraphOptions"/> (which also says which user sections to read and how large a page is). A section Graph refuses (403, 404, 5xx) is recorded as <c>failed</c> with the
/// status, Graph's error and the permissions it needs; a user that does not exist is listed in <c>missingUsers</c>.
/// The v1.2 user sections: <c>signIns</c> (the legacy sign-ins of the 7 days before the capture, from
/// <c>/beta/auditLogs/signIns</c>; read once for the whole tenant, or per user for up to ten named users) and
/// <c>conditionalAccessEvaluation</c> (Microsoft's What-If, batched POSTs to <c>/v1.0/identity/conditionalAccess/evaluate</c>,
/// sent after the sign-ins because the newest one's IP address and country go into it; tenant-wide only when
/// <see cref="MicrosoftGraphOptions.TenantUserSections"/> asks for it). A refused log or evaluation (for example 403
/// <c>Authentication_RequestFromNonPremiumTenantOrB2CTenant</c>) fails the section, never the capture.
/// Thread-safe; one instance serves many captures.
/// </summary>
/// <example>
/// <code>
/// var source = new GraphSnapshotSource(graphClient, new MicrosoftGraphOptions { MaxConcurrency = 4 });
/// TenantSnapshot snapshot = await source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), cancellationToken);
///
/// // Every user of the tenant, streamed to a file with bounded memory:
/// await using var file = File.Create("tenant.json");
/// var light = new GraphSnapshotSource(graphClient, new MicrosoftGraphOptions { UserSections = UserSectionSelection.None });
/// TenantCaptureResult result = await light.CaptureTenantAsync(file,
///     new Progress&lt;CaptureProgress&gt;(p =&gt; Console.WriteLine($"{p.UsersCaptured}/{p.UsersTotal}, {p.EstimatedRemaining} left")), cancellationToken);
/// </code>
/// </example>
public sealed partial class GraphSnapshotSource : ISnapshotSource
{
    /// <summary>The user properties every capture selects (several are not in Graph's default projection).</summary>
    internal const string UserSelect = "id,userPrincipalName,displayName,accountEnabled,userType,onPremisesSyncEnabled,signInSessionsValidFromDateTime";


    /// <summary>The permission that reads user objects (the snapshot's <c>user</c>).</summary>
    private static readonly string UserPermission = string.Join(", ", SnapshotSection.RequiredPermissionsFor("user"));

    private readonly GraphTransport transport;
    private readonly BatchRunner batches;
    private readonly ILogger logger;
    private readonly Guid? configuredTenantId;
    private readonly bool captureMfaServicePolicy;
    private readonly UserSectionSelection sections;
    private readonly UserSectionSelection tenantSections;
    private readonly IReadOnlyList<string> clientTypes;
    private readonly string targetResourceAppId;
    private readonly int pageSize;

    /// <summary>Up to this many named users, each user's sign-ins are asked for alone (<c>userId eq</c>); more read the log once.</summary>
    internal const int PerUserSignInQueries = 10;

    /// <summary>Creates a snapshot source on the host's Graph client.</summary>
    /// <param name="client">The host's client (authentication, base URL and HTTP pipeline come from it).</param>
    /// <param name="options">Cloud, base-URL override, concurrency, retries and what to read; <see langword="null"/> for the defaults. Copied: later changes to it change nothing.</param>
    /// <param name="time">The clock for back-offs, timeouts and capture times; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">The logger; it never receives tokens, headers, bodies or query strings.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public GraphSnapshotSource(GraphServiceClient client, MicrosoftGraphOptions? options = null, TimeProvider? time = null, ILogger<GraphSnapshotSource>? logger = null)
        : this(new GraphTransport((client ?? throw new ArgumentNullException(nameof(client))).RequestAdapter, options ?? new MicrosoftGraphOptions(), time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance), options)
    {
    }

    /// <summary>A source on a transport (shared with the executor under dependency injection) and the capture options, already checked by the transport.</summary>
    internal GraphSnapshotSource(GraphTransport transport, MicrosoftGraphOptions? options)
    {
        options ??= new MicrosoftGraphOptions();
        this.transport = transport;
        batches = new BatchRunner(transport);
        logger = transport.Logger;

        // What a capture needs, copied: the options object stays the host's to change.
        configuredTenantId = options.TenantId;
        captureMfaServicePolicy = options.CaptureMfaServicePolicy;
        sections = options.UserSections | UserSectionSelection.AuthenticationRequirements;
        tenantSections = (options.TenantUserSections ?? (options.UserSections & ~UserSectionSelection.ConditionalAccessEvaluation)) | UserSectionSelection.AuthenticationRequirements;
        clientTypes = WhatIf.ClientTypes(options.LegacyProtocols ?? LegacyProtocols.None);
        targetResourceAppId = options.TargetResourceAppId ?? KnownApps.ExchangeOnline;
        pageSize = options.PageSize;
        if (!transport.Endpoints.CloudFromHost && options.Cloud is null)
        {
            LogCloudDefaulted(transport.Endpoints.Root);
        }
    }

    /// <summary>The cloud this source records in its snapshots (the option, or inferred from the client's base URL).</summary>
    public CloudEnvironment Cloud => transport.Endpoints.Cloud;

    /// <inheritdoc />
    /// <remarks>Reads the user sections of <see cref="MicrosoftGraphOptions.UserSections"/>.</remarks>
    public Task<TenantSnapshot> CaptureAsync(SnapshotRequest request, CancellationToken cancellationToken) =>
        CaptureAsync(request, null, cancellationToken);

    /// <summary>
    /// Captures the tenant sections and the requested users (UPNs or object ids), or every user, reading the user
    /// sections of <see cref="MicrosoftGraphOptions.UserSections"/>.
    /// </summary>
    /// <param name="request">What to capture. With <see cref="SnapshotRequest.AllUsers"/> the whole tenant is held in memory; prefer <see cref="CaptureTenantAsync"/> for large tenants.</param>
    /// <param name="progress">Receives progress; optional.</param>
    /// <param name="cancellationToken">Cancels the capture (pending requests are abandoned).</param>
    /// <returns>The snapshot. Unknown users are in <see cref="SnapshotContents.MissingUsers"/>; unreadable sections are <c>failed</c>.</returns>
    /// <exception cref="GraphCaptureException">A user object could not be read for a reason other than "no such user" (typically 403: the app lacks <c>User.Read.All</c>).</exception>
    public async Task<TenantSnapshot> CaptureAsync(SnapshotRequest request, IProgress<CaptureProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = await CaptureDocumentAsync(request, progress, cancellationToken).ConfigureAwait(false);
        return TenantSnapshot.Parse(document.Span);
    }

    /// <summary>The snapshot document a capture writes (UTF-8 JSON), before the core reads it.</summary>
    internal async Task<ReadOnlyMemory<byte>> CaptureDocumentAsync(SnapshotRequest request, IProgress<CaptureProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AllUsers)
        {
            using var stream = new MemoryStream();
            await CaptureTenantAsync(stream, progress, cancellationToken).ConfigureAwait(false);
            return stream.ToArray();
        }

        var run = new CaptureRun(transport, progress);
        var capturedAt = run.StartedAt;
        string[] keys = request.Users.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        run.UsersTotal = keys.Length;
        LogCaptureStarted(keys.Length, transport.Endpoints.Cloud);
        run.Report(CapturePhase.TenantSections);

        var tenantTask = ReadTenantSectionsAsync(run, cancellationToken);
        var organization = configuredTenantId is null ? new BatchItem("v1.0", "/organization?$select=id") : null;
        var usersTask = ReadUsersAndObservationsAsync(run, keys, organization, capturedAt, cancellationToken);
        await Task.WhenAll(tenantTask, usersTask).ConfigureAwait(false);
        var tenant = await tenantTask.ConfigureAwait(false);
        var (resolved, missing) = await usersTask.ConfigureAwait(false);
        run.Report(CapturePhase.Users);

        Guid tenantId = TenantIdFrom(organization?.Response, tenant);

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        int failed = tenant.Failed;
        int written = 0;
        using (var writer = new Utf8JsonWriter(buffer, SnapshotDocument.WriterOptions))
        {
            SnapshotDocument.WriteStart(writer, capturedAt, tenantId, transport.Endpoints.Cloud, tenant);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var user in resolved)
            {
                // Asking for one user by UPN and by id gives one entry (the first).
                if (user.Id is { } id && seen.Add(id))
                {
                    SnapshotDocument.WriteUser(writer, user);
                    failed += user.Failed;
                    written++;
                }
            }

            SnapshotDocument.WriteEnd(writer, missing);
        }

        run.AddCaptured(written);
        run.Report(CapturePhase.Completed);
        LogCaptureCompleted(written, missing.Count, failed, run.Counters.Requests, run.Counters.Retries, run.Elapsed.TotalSeconds);
        return buffer.WrittenMemory;
    }

    /// <summary>
    /// Captures every user of the tenant and streams the snapshot document to <paramref name="output"/>: the tenant
    /// sections first, then users page by page (<c>GET /v1.0/users?$select=…&amp;$top=999</c>, all pages) with their
    /// sections read in batches. Memory stays bounded by three pages of users (the one being written, the one being read and the next listing), whatever the tenant's size,
    /// plus, with <see cref="UserSectionSelection.SignIns"/>, the sign-in log: read once from the start (pages of 1,000) and
    /// complete before the first user is written, it keeps at most 50 sign-ins per user who has legacy sign-ins, each user's
    /// forgotten once written. Progress
    /// carries the users done, the total (from <c>/users/$count</c>, best effort) and an estimate of the remaining time.
    /// </summary>
    /// <param name="output">Receives the snapshot document (UTF-8 JSON); flushed after every page, not disposed. After a failure or cancellation it holds an incomplete document.</param>
    /// <param name="progress">Receives progress after the tenant sections and after every page; optional.</param>
    /// <param name="cancellationToken">Cancels the capture.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="GraphCaptureException">The user list could not be read (typically 403: the app lacks <c>User.Read.All</c>).</exception>
    public async Task<TenantCaptureResult> CaptureTenantAsync(Stream output, IProgress<CaptureProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var run = new CaptureRun(transport, progress);
        LogTenantCaptureStarted(tenantSections, pageSize, transport.Endpoints.Cloud);
        run.Report(CapturePhase.TenantSections);

        // The sign-in log is read once for every user, from the start: it must be complete before the first user is
        // written (any user may have sign-ins on its last page), and it is throttled harder than the rest.
        var signInLog = tenantSections.HasFlag(UserSectionSelection.SignIns)
            ? ReadSignInLogAsync(run, null, cancellationToken)
            : null;

        var tenantTask = ReadTenantSectionsAsync(run, cancellationToken);
        var tenantIdTask = configuredTenantId is { } known ? Task.FromResult<Guid?>(known) : ReadTenantIdAsync(run, cancellationToken);
        var countTask = CountUsersAsync(run, cancellationToken);
        var firstPage = ReadUsersPageAsync(run, transport.Endpoints.Url("v1.0", $"/users?$select={UserSelect}&$top={pageSize.ToString(CultureInfo.InvariantCulture)}"), cancellationToken);

        // The first page's sections are read while the tenant sections still are (a throttled Conditional Access read
        // must not hold the users back); only writing waits for the tenant sections, which come first in the document.
        Task<PageResult>? current = CapturePageAsync(run, firstPage, tenantSections, signInLog, cancellationToken);
        int failed = 0;
        int users = 0;
        Guid tenantId;
        try
        {
            await Task.WhenAll(tenantTask, tenantIdTask, countTask, firstPage).ConfigureAwait(false);
            var tenant = await tenantTask.ConfigureAwait(false);
            tenantId = await tenantIdTask.ConfigureAwait(false) ?? TenantIdFrom(null, tenant);
            run.UsersTotal = await countTask.ConfigureAwait(false);
            failed = tenant.Failed;

            await using var writer = new Utf8JsonWriter(output, SnapshotDocument.WriterOptions);
            SnapshotDocument.WriteStart(writer, run.StartedAt, tenantId, transport.Endpoints.Cloud, tenant);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            run.Report(CapturePhase.Users);

            while (current is not null)
            {
                var page = await current.ConfigureAwait(false);
                current = null;

                // Held at once: this page (being written), the next (its sections being read) and the listing after it.
                if (page.Next is { } next)
                {
                    current = CapturePageAsync(run, next, tenantSections, signInLog, cancellationToken);
                }

                if (signInLog is not null && !tenantSections.HasFlag(UserSectionSelection.ConditionalAccessEvaluation))
                {
                    // The whole log is read before the first user is written: any user's sign-ins may be on its last page.
                    var log = await signInLog.ConfigureAwait(false);
                    SetAll(page.Users, u => u.SignIns = log.Take(u.Id!));
                }

                foreach (var user in page.Users)
                {
                    SnapshotDocument.WriteUser(writer, user);
                    failed += user.Failed;
                }

                users += page.Users.Length;
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                run.AddCaptured(page.Users.Length);
                run.Report(CapturePhase.Users);
            }

            SnapshotDocument.WriteEnd(writer, []);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Observe the page and the log still being read, so their failure does not surface as an unobserved task exception.
            _ = current?.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            _ = signInLog?.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }

        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        run.Report(CapturePhase.Completed);
        LogCaptureCompleted(users, 0, failed, run.Counters.Requests, run.Counters.Retries, run.Elapsed.TotalSeconds);
        return new TenantCaptureResult(tenantId, users, failed, run.Counters.Requests, run.Counters.Retries, run.Elapsed);
    }

    /// <summary>The users asked for with their sections, then their sign-ins, then Microsoft's evaluations (which use the sign-ins).</summary>
    private async Task<(UserResult[] Resolved, List<string> Missing)> ReadUsersAndObservationsAsync(CaptureRun run, string[] keys, BatchItem? organization, DateTimeOffset capturedAt, CancellationToken cancellationToken)
    {
        var (resolved, missing) = await ReadUsersAsync(run, keys, organization, sections, cancellationToken).ConfigureAwait(false);
        var ids = resolved.Select(u => u.Id).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (!sections.HasFlag(UserSectionSelection.SignIns))
        {
            SetAll(resolved, u => u.SignIns = NotRequested(UserSectionSelection.SignIns));
        }
        else if (ids.Length > PerUserSignInQueries)
        {
            var wanted = ids.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var log = await ReadSignInLogAsync(run, wanted.Contains, cancellationToken).ConfigureAwait(false);
            var taken = ids.ToDictionary(id => id, log.Take, StringComparer.OrdinalIgnoreCase);
            SetAll(resolved, u => u.SignIns = u.Id is { } id ? taken[id] : SectionResult.Captured([]));
        }
        else
        {
            var read = await Task.WhenAll(ids.Select(async id => (Id: id, Section: await SignInLog.ReadUserAsync(run, transport.Endpoints, id, capturedAt, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
            var byId = read.ToDictionary(r => r.Id, r => r.Section, StringComparer.OrdinalIgnoreCase);
            foreach (var (id, section) in read)
            {
                LogSignInsFailedIfSo(section, id);
            }

            SetAll(resolved, u => u.SignIns = u.Id is { } id ? byId[id] : SectionResult.Captured([]));
        }

        await EvaluateAsync(run, resolved, sections, tenantWide: false, cancellationToken).ConfigureAwait(false);
        return (resolved, missing);
    }

    private static void SetAll(IEnumerable<UserResult> users, Action<UserResult> set)
    {
        foreach (var user in users)
        {
            set(user);
        }
    }

    /// <summary>The sign-in log read once (for every user, or the wanted ones).</summary>
    private async Task<SignInLog.Distribution> ReadSignInLogAsync(CaptureRun run, Func<string, bool>? wanted, CancellationToken cancellationToken)
    {
        var log = await SignInLog.ReadAllAsync(run, transport.Endpoints, run.StartedAt, wanted, cancellationToken).ConfigureAwait(false);
        if (log.Failure is { } failure)
        {
            LogSignInsFailedIfSo(failure, null);
        }
        else
        {
            LogSignInLogRead(log.SignIns, log.Pages);
        }

        return log;
    }

    private void LogSignInsFailedIfSo(SectionResult section, string? user)
    {
        if (!section.IsFailed)
        {
            return;
        }

        string permissions = string.Join(", ", section.RequiredPermissions);
        if (string.Equals(section.Code, SignInLog.NonPremiumTenant, StringComparison.OrdinalIgnoreCase))
        {
            LogSignInsNeedPremium(section.HttpStatus, user ?? "every user", permissions);
        }
        else
        {
            LogSectionFailed(SectionNames.SignIns + (user is null ? string.Empty : " of " + user), section.HttpStatus, section.Code ?? "-", permissions);
        }
    }

    /// <summary>Microsoft's What-If evaluations of the users (batched POSTs), after their sign-ins are known.</summary>
    private async Task EvaluateAsync(CaptureRun run, IReadOnlyList<UserResult> users, UserSectionSelection selected, bool tenantWide, CancellationToken cancellationToken)
    {
        if (!selected.HasFlag(UserSectionSelection.ConditionalAccessEvaluation))
        {
            var reason = NotRequested(UserSectionSelection.ConditionalAccessEvaluation, tenantWide);
            SetAll(users, u => u.ConditionalAccessEvaluation = reason);
            return;
        }

        // One set of evaluations per user, even when a capture names the same user twice (by UPN and by id).
        var plans = users.Where(u => u.Id is not null).GroupBy(u => u.Id!, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Users: g.ToArray(), Items: WhatIf.Requests(g.Key, targetResourceAppId, clientTypes, g.First().SignIns))).ToArray();
        await batches.RunAsync(plans.SelectMany(p => p.Items).ToList(), run.Counters, cancellationToken).ConfigureAwait(false);
        int failed = 0;
        foreach (var (same, items) in plans)
        {
            var section = WhatIf.Section(items);
            SetAll(same, u => u.ConditionalAccessEvaluation = section);
            if (section.IsFailed && failed++ == 0)
            {
                LogSectionFailed(SectionNames.ConditionalAccessEvaluation, section.HttpStatus, section.Code ?? "-", string.Join(", ", section.RequiredPermissions));
            }
        }
    }

    /// <summary>The users asked for, batched (with the tenant id read when it is not configured), then their further pages.</summary>
    private async Task<(UserResult[] Resolved, List<string> Missing)> ReadUsersAsync(CaptureRun run, string[] keys, BatchItem? organization, UserSectionSelection sections, CancellationToken cancellationToken)
    {
        var plans = keys.Select(k => UserPlan.ForKey(k, sections)).ToArray();
        var items = plans.SelectMany(p => p.Items).ToList();
        if (organization is not null)
        {
            items.Insert(0, organization);
        }

        await batches.RunAsync(items, run.Counters, cancellationToken).ConfigureAwait(false);
        var missing = new List<string>();
        foreach (var plan in plans)
        {
            var response = plan.User!.Response!;
            if (response.IsSuccess && CaptureRun.ParseObject(response.Body) is { } user)
            {
                plan.UserObject = user;
            }
            else if (IsNoSuchUser(response))
            {
                missing.Add(plan.Key);
                LogUserMissing(plan.Key, response.Status);
            }
            else
            {
                var (code, message) = response.IsSuccess ? ("InvalidResponse", "not a JSON object") : response.Error();
                throw new GraphCaptureException(
                    $"Reading the user '{plan.Key}' failed with HTTP {response.Status}{(code is null ? string.Empty : " " + code)}: {message} Reading users needs {UserPermission}.",
                    response.Status,
                    code,
                    [UserPermission]);
            }
        }

        var resolved = await Task.WhenAll(plans.Where(p => p.UserObject is not null).Select(p => ResolveAsync(run, p, p.UserObject!.Value, sections, cancellationToken))).ConfigureAwait(false);
        return (resolved, missing);
    }

    /// <summary>404, or a 400 about the identifier itself (Graph's answer to a malformed object id): the user does not exist.</summary>
    private static bool IsNoSuchUser(RawResponse response)
    {
        if (response.Status == 404)
        {
            return true;
        }

        if (response.Status != 400)
        {
            return false;
        }

        var (_, message) = response.Error();
        return message is not null && message.Contains("identifier", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads a page of the user list (starting the read of the one after it at once), then its users' sections.</summary>
    private async Task<PageResult> CapturePageAsync(CaptureRun run, Task<UsersPage> pageTask, UserSectionSelection sections, Task<SignInLog.Distribution>? signInLog, CancellationToken cancellationToken)
    {
        var page = await pageTask.ConfigureAwait(false);
        Task<UsersPage>? next = null;
        if (page.NextLink is { } link)
        {
            next = transport.Endpoints.TryRebase(link, out var nextUrl)
                ? ReadUsersPageAsync(run, nextUrl, cancellationToken)
                : Task.FromException<UsersPage>(new GraphCaptureException("Graph's @odata.nextLink for the user list points outside the Graph endpoint in use; it was not followed."));
        }

        try
        {
            var plans = page.Users.Select(u => UserPlan.ForListedUser(u, sections)).Where(p => p is not null).Select(p => p!).ToArray();
            await batches.RunAsync(plans.SelectMany(p => p.Items).ToList(), run.Counters, cancellationToken).ConfigureAwait(false);
            var resolved = await Task.WhenAll(plans.Select(p => ResolveAsync(run, p, p.UserObject!.Value, sections, cancellationToken))).ConfigureAwait(false);
            if (signInLog is null)
            {
                SetAll(resolved, u => u.SignIns = NotRequested(UserSectionSelection.SignIns, tenantWide: true));
            }
            else if (sections.HasFlag(UserSectionSelection.ConditionalAccessEvaluation))
            {
                // What-If needs the users' sign-ins: they are handed over (and forgotten by the log) now. Without
                // What-If they are handed over when the page is written, so the log read holds no page back.
                var log = await signInLog.ConfigureAwait(false);
                SetAll(resolved, u => u.SignIns = log.Take(u.Id!));
            }

            await EvaluateAsync(run, resolved, sections, tenantWide: true, cancellationToken).ConfigureAwait(false);
            return new PageResult(resolved, next);
        }
        catch
        {
            _ = next?.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    private async Task<TenantSectionResults> ReadTenantSectionsAsync(CaptureRun run, CancellationToken cancellationToken)
    {
        var endpoints = transport.Endpoints;
        var securityDefaults = run.ReadObjectAsync("securityDefaults", endpoints.Url("v1.0", "/policies/identitySecurityDefaultsEnforcementPolicy"), cancellationToken);

        // Conditional Access allows one request per second per tenant and sends no Retry-After: its pages are read one
        // after the other with the back-off, and the retry policy knows its path, so its 429s pause no other read.
        var conditionalAccess = run.ReadCollectionAsync("conditionalAccessPolicies", endpoints.Url("v1.0", "/identity/conditionalAccess/policies"), cancellationToken);
        var methodsPolicy = run.ReadObjectAsync("authenticationMethodsPolicy", endpoints.Url("v1.0", "/policies/authenticationMethodsPolicy"), cancellationToken);
        var mfaServicePolicy = captureMfaServicePolicy
            ? ReadMfaServicePolicyAsync(run, cancellationToken)
            : Task.FromResult(SectionResult.NotCaptured("Not requested (MicrosoftGraphOptions.CaptureMfaServicePolicy is off); the tenant-wide \"Allow users to create app passwords\" switch must be checked in the legacy MFA service settings."));
        var domains = run.ReadCollectionAsync("domains", endpoints.Url("v1.0", "/domains"), cancellationToken);
        var skus = run.ReadCollectionAsync("subscribedSkus", endpoints.Url("v1.0", "/subscribedSkus"), cancellationToken);
        await Task.WhenAll(securityDefaults, conditionalAccess, methodsPolicy, mfaServicePolicy, domains, skus).ConfigureAwait(false);

        var result = new TenantSectionResults(securityDefaults.Result, conditionalAccess.Result, methodsPolicy.Result, mfaServicePolicy.Result, domains.Result, skus.Result);
        foreach (var (name, section) in new[] { ("securityDefaults", result.SecurityDefaults), ("conditionalAccessPolicies", result.ConditionalAccessPolicies), ("authenticationMethodsPolicy", result.AuthenticationMethodsPolicy), ("mfaServicePolicy", result.MfaServicePolicy), ("domains", result.Domains), ("subscribedSkus", result.SubscribedSkus) })
        {
            if (section.IsFailed)
            {
                LogSectionFailed(name, section.HttpStatus, section.Code ?? "-", string.Join(", ", SnapshotSection.RequiredPermissionsFor(name)));
            }
        }

        return result;
    }

    /// <summary>The undocumented endpoint is best effort: 400 or 404 mean "not there", not a failure.</summary>
    private async Task<SectionResult> ReadMfaServicePolicyAsync(CaptureRun run, CancellationToken cancellationToken)
    {
        var response = await run.GetAsync(transport.Endpoints.Url("beta", "/policies/mfaServicePolicy"), cancellationToken).ConfigureAwait(false);
        if (response.Status is 400 or 404)
        {
            var (code, _) = response.Error();
            string answer = string.Create(CultureInfo.InvariantCulture, $"HTTP {response.Status}{(code is null ? string.Empty : " " + code)}");
            return SectionResult.NotCaptured($"GET /beta/policies/mfaServicePolicy is undocumented and answered {answer}; the tenant-wide \"Allow users to create app passwords\" switch must be checked in the legacy MFA service settings.");
        }

        return CaptureRun.ObjectSection("mfaServicePolicy", response);
    }

    private async Task<UserResult> ResolveAsync(CaptureRun run, UserPlan plan, JsonElement user, UserSectionSelection sections, CancellationToken cancellationToken)
    {
        var requirements = CaptureRun.ObjectSection("authenticationRequirements", plan.Requirements.Response!);
        var methods = plan.Methods is { } m
            ? run.CollectionSectionAsync("authenticationMethods", m.Response!, cancellationToken)
            : Task.FromResult(NotRequested(UserSectionSelection.AuthenticationMethods));
        var memberOf = plan.MemberOf is { } g
            ? run.CollectionSectionAsync("transitiveMemberOf", g.Response!, cancellationToken)
            : Task.FromResult(NotRequested(UserSectionSelection.TransitiveMemberOf));
        await Task.WhenAll(methods, memberOf).ConfigureAwait(false);
        var result = new UserResult(user, requirements, methods.Result, memberOf.Result);
        if (result.Failed > 0)
        {
            LogUserSectionsFailed(plan.Key, result.Failed);
        }

        return result;
    }

    private static SectionResult NotRequested(UserSectionSelection section) =>
        SectionResult.NotCaptured($"Not requested (MicrosoftGraphOptions.UserSections does not include {section}).");

    /// <summary>Why a v1.2 section was not read, naming the option that decides it for this kind of capture.</summary>
    private static SectionResult NotRequested(UserSectionSelection section, bool tenantWide) => tenantWide
        ? SectionResult.NotCaptured($"Not requested (a tenant-wide capture reads MicrosoftGraphOptions.TenantUserSections, by default UserSections without ConditionalAccessEvaluation, and it does not include {section}).")
        : NotRequested(section);

    private static async Task<UsersPage> ReadUsersPageAsync(CaptureRun run, Uri url, CancellationToken cancellationToken)
    {
        var response = await run.GetAsync(url, cancellationToken).ConfigureAwait(false);
        var users = new List<JsonElement>();
        if (!response.IsSuccess || !CaptureRun.TryReadPage(response.Body, users, out string? nextLink))
        {
            var (code, message) = response.IsSuccess ? ("InvalidResponse", "not a collection") : response.Error();
            throw new GraphCaptureException(
                $"Listing the tenant's users failed with HTTP {response.Status}{(code is null ? string.Empty : " " + code)}: {message} Listing users needs {UserPermission}.",
                response.Status,
                code,
                [UserPermission]);
        }

        return new UsersPage(users, nextLink);
    }

    private async Task<int?> CountUsersAsync(CaptureRun run, CancellationToken cancellationToken)
    {
        // $count needs the advanced-query header; best effort (the estimate of the remaining time depends on it).
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ConsistencyLevel"] = "eventual" };
        var response = await run.GetAsync(transport.Endpoints.Url("v1.0", "/users/$count"), cancellationToken, headers).ConfigureAwait(false);
        if (response.IsSuccess && int.TryParse(Encoding.UTF8.GetString(response.Body.Span).Trim().TrimStart('\uFEFF'), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            return count;
        }

        LogCountUnavailable(response.Status);
        return null;
    }

    private async Task<Guid?> ReadTenantIdAsync(CaptureRun run, CancellationToken cancellationToken)
    {
        var response = await run.GetAsync(transport.Endpoints.Url("v1.0", "/organization?$select=id"), cancellationToken).ConfigureAwait(false);
        return OrganizationId(response);
    }

    private Guid TenantIdFrom(RawResponse? organization, TenantSectionResults tenant)
    {
        if (configuredTenantId is { } known)
        {
            return known;
        }

        if (organization is not null && OrganizationId(organization) is { } id)
        {
            return id;
        }

        // subscribedSku.accountId is the tenant's id: a fallback when /organization is not readable.
        if (tenant.SubscribedSkus.Items is { } skus)
        {
            foreach (var sku in skus)
            {
                if (sku.TryGetProperty("accountId", out var account) && account.ValueKind == JsonValueKind.String && Guid.TryParse(account.GetString(), out var accountId))
                {
                    return accountId;
                }
            }
        }

        LogTenantIdUnknown();
        return Guid.Empty;
    }

    private static Guid? OrganizationId(RawResponse response)
    {
        var items = new List<JsonElement>();
        if (response.IsSuccess && CaptureRun.TryReadPage(response.Body, items, out _))
        {
            foreach (var item in items)
            {
                if (item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var tenantId))
                {
                    return tenantId;
                }
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Capturing the tenant sections and {Users} users ({Cloud} cloud)")]
    private partial void LogCaptureStarted(int users, CloudEnvironment cloud);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Capturing every user of the tenant (sections {Sections}, pages of {PageSize}, {Cloud} cloud)")]
    private partial void LogTenantCaptureStarted(UserSectionSelection sections, int pageSize, CloudEnvironment cloud);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Captured {Users} users ({Missing} missing, {Failed} failed sections) with {Requests} requests and {Retries} retries in {Seconds} s")]
    private partial void LogCaptureCompleted(int users, int missing, int failed, int requests, int retries, double seconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Section {Section} failed with HTTP {Status} {Code}; it needs {Permission}")]
    private partial void LogSectionFailed(string section, int status, string code, string permission);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "User {User} was not found (HTTP {Status})")]
    private partial void LogUserMissing(string user, int status);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "{Count} sections of user {User} failed")]
    private partial void LogUserSectionsFailed(string user, int count);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "The user count is unavailable (HTTP {Status}); progress has no estimate of the remaining time")]
    private partial void LogCountUnavailable(int status);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "The tenant id could not be read (GET /organization and subscribedSkus failed); the snapshot records 00000000-0000-0000-0000-000000000000. Set MicrosoftGraphOptions.TenantId.")]
    private partial void LogTenantIdUnknown();

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "The Graph endpoint {Root} names no Microsoft cloud; snapshots record the global cloud (set MicrosoftGraphOptions.Cloud to choose another)")]
    private partial void LogCloudDefaulted(string root);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Read the sign-in log once: {SignIns} legacy sign-ins in {Pages} pages")]
    private partial void LogSignInLogRead(int signIns, int pages);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "The sign-in log answered HTTP {Status} for {User}: the tenant has no Entra ID P1/P2 licence (the Graph API of the sign-in log needs one, and {Permission}); signIns is recorded as failed")]
    private partial void LogSignInsNeedPremium(int status, string user, string permission);

    private sealed record UsersPage(IReadOnlyList<JsonElement> Users, string? NextLink);

    private sealed record PageResult(UserResult[] Users, Task<UsersPage>? Next);

    /// <summary>The batched requests for one user.</summary>
    private sealed class UserPlan
    {
        private UserPlan(string key, BatchItem? user, UserSectionSelection sections)
        {
            Key = key;
            User = user;
            string path = "/users/" + Uri.EscapeDataString(key);
            Requirements = new BatchItem("beta", path + "/authentication/requirements");
            Methods = sections.HasFlag(UserSectionSelection.AuthenticationMethods) ? new BatchItem("v1.0", path + "/authentication/methods") : null;
            // No $select: Graph's default properties carry each directory role's roleTemplateId (when the caller holds
            // RoleManagement.Read.Directory or Directory.Read.All), and that is what Conditional Access includeRoles and
            // excludeRoles name. A $select without roleTemplateId would make every role look unscoped.
            MemberOf = sections.HasFlag(UserSectionSelection.TransitiveMemberOf) ? new BatchItem("v1.0", path + "/transitiveMemberOf?$top=999") : null;
        }

        public string Key { get; }

        public BatchItem? User { get; }

        public BatchItem Requirements { get; }

        public BatchItem? Methods { get; }

        public BatchItem? MemberOf { get; }

        public JsonElement? UserObject { get; set; }

        public IEnumerable<BatchItem> Items => new[] { User, Requirements, Methods, MemberOf }.Where(i => i is not null).Select(i => i!);

        public static UserPlan ForKey(string key, UserSectionSelection sections) =>
            new(key, new BatchItem("v1.0", $"/users/{Uri.EscapeDataString(key)}?$select={UserSelect}"), sections);

        public static UserPlan? ForListedUser(JsonElement user, UserSectionSelection sections) =>
            user.ValueKind == JsonValueKind.Object && user.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } key
                ? new UserPlan(key, null, sections) { UserObject = user }
                : null;
    }
}
