using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CodeTwo.AuthDiagnostics.Graph.Fakes;

/// <summary>One request the fake received: directly, or inside a <c>$batch</c>.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Version"><c>v1.0</c> or <c>beta</c>.</param>
/// <param name="Path">The decoded path after the version, for example <c>/users/backup@contoso.com/authentication/methods</c>.</param>
/// <param name="Query">The decoded query parameters.</param>
/// <param name="InBatch">Whether it came inside a <c>$batch</c>.</param>
/// <param name="Body">The request body, if any.</param>
/// <param name="Headers">The request headers (for inner requests: their own headers).</param>
public sealed record FakeRequest(string Method, string Version, string Path, IReadOnlyDictionary<string, string> Query, bool InBatch, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The query parameter, or <see langword="null"/>.</summary>
    public string? Param(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} /{Version}{Path}{(Query.Count == 0 ? string.Empty : "?" + string.Join("&", Query.Select(q => q.Key + "=" + q.Value)))}{(InBatch ? " (batched)" : string.Empty)}";
}

/// <summary>A request and the status it was answered with; <see cref="BatchSize"/> is set for a <c>$batch</c>.</summary>
public sealed record FakeExchange(FakeRequest Request, int Status, int? BatchSize, DateTimeOffset At);

/// <summary>
/// A fake Microsoft Graph on Kestrel (http://127.0.0.1, a free port): the read endpoints a capture uses (paged with
/// <c>@odata.nextLink</c>, <c>$top</c> honoured up to 999), <c>$batch</c> for v1.0 and beta (20 requests at most, answers
/// in reverse order), the writes a plan sends (applied to <see cref="Tenant"/>), a bearer-token check, latency, injected
/// faults (statuses with or without <c>Retry-After</c>, hanging requests) and a log of everything it received.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    public const string DefaultToken = "fake-access-token-3f0c9a1e-do-not-log";

    private readonly object gate = new();
    private readonly List<FakeExchange> log = [];
    private readonly List<FaultRule> faults = [];
    private readonly List<(Func<FakeRequest, bool> Match, TaskCompletionSource<FakeRequest> Signal)> waiters = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly TimeProvider clock;
    private readonly string token;
    private WebApplication? app;
    private int inFlight;
    private int outerRequests;

    private FakeGraphServer(FakeTenant tenant, TimeProvider clock, string token)
    {
        Tenant = tenant;
        this.clock = clock;
        this.token = token;
    }

    /// <summary>The tenant state (writes change it). Lock on the server while reading it during a run.</summary>
    public FakeTenant Tenant { get; }

    /// <summary>Scheme, host and port, without a trailing slash: <c>http://127.0.0.1:PORT</c>.</summary>
    public string Root { get; private set; } = string.Empty;

    /// <summary>The largest page the fake serves (a smaller <c>$top</c> wins). Default 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>The largest page of the sign-in log (a smaller <c>$top</c> wins; a larger one is refused). Default 1,000, as Graph.</summary>
    public int SignInPageSize { get; set; } = 1000;

    /// <summary>A real delay before every HTTP request is answered (the benchmark's network latency).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Whether the caller holds <c>RoleManagement.Read.Directory</c> (or <c>Directory.Read.All</c>). Without it,
    /// <c>transitiveMemberOf</c> serves directory roles as Graph does with least privileges: only <c>@odata.type</c> and
    /// <c>id</c>, no <c>roleTemplateId</c>. Default <see langword="true"/>.
    /// </summary>
    public bool CallerReadsRoles { get; set; } = true;

    /// <summary>Called with every request (direct or batched) before it is handled.</summary>
    public Action<FakeRequest>? OnRequest { get; set; }

    /// <summary>The most HTTP requests that were in progress at once.</summary>
    public int MaxInFlight { get; private set; }

    /// <summary>HTTP requests received (a <c>$batch</c> counts once).</summary>
    public int OuterRequests => Volatile.Read(ref outerRequests);

    /// <summary>Everything received, in order (inner batch requests included).</summary>
    public IReadOnlyList<FakeExchange> Log
    {
        get
        {
            lock (gate)
            {
                return log.ToArray();
            }
        }
    }

    public static async Task<FakeGraphServer> StartAsync(FakeTenant tenant, TimeProvider? clock = null, string token = DefaultToken)
    {
        var server = new FakeGraphServer(tenant, clock ?? TimeProvider.System, token);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = "FakeGraph" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        server.app = app;
        server.Root = app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>Answers matching requests with <paramref name="status"/> (a Graph error body) instead of handling them.</summary>
    public FakeGraphServer Fail(Func<FakeRequest, bool> match, int status, int? times = null, string code = "Injected", string? message = null, int? retryAfterSeconds = null)
    {
        lock (gate)
        {
            faults.Add(new FaultRule(match, status, times, code, message ?? $"Injected {status}.", retryAfterSeconds, Hang: false));
        }

        return this;
    }

    /// <summary>Never answers matching direct requests (until the client gives up or the server stops).</summary>
    public FakeGraphServer Hang(Func<FakeRequest, bool> match, int? times = null)
    {
        lock (gate)
        {
            faults.Add(new FaultRule(match, 0, times, string.Empty, string.Empty, null, Hang: true));
        }

        return this;
    }

    /// <summary>Completes when a matching request arrives (or has arrived).</summary>
    public Task<FakeRequest> WaitForRequestAsync(Func<FakeRequest, bool> match)
    {
        lock (gate)
        {
            if (log.FirstOrDefault(e => match(e.Request)) is { } seen)
            {
                return Task.FromResult(seen.Request);
            }

            var signal = new TaskCompletionSource<FakeRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, signal));
            return signal.Task;
        }
    }

    /// <summary>The matching requests received so far.</summary>
    public IReadOnlyList<FakeRequest> Requests(Func<FakeRequest, bool> match) => Log.Select(e => e.Request).Where(match).ToArray();

    /// <summary>Requests received per path (<c>/beta/auditLogs/signIns</c>, <c>/v1.0/$batch</c>, …; batched ones under their own path), retries included.</summary>
    public IReadOnlyDictionary<string, int> RequestCounts() =>
        Log.GroupBy(e => "/" + e.Request.Version + e.Request.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Requests received for one path (with its version, for example <c>/beta/auditLogs/signIns</c>).</summary>
    public int RequestCount(string path) => RequestCounts().TryGetValue(path, out int count) ? count : 0;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (app is not null)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref outerRequests);
        int now = Interlocked.Increment(ref inFlight);
        lock (gate)
        {
            MaxInFlight = Math.Max(MaxInFlight, now);
        }

        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, context.RequestAborted).ConfigureAwait(false);
            }

            await HandleCoreAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the server is stopping.
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        string target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        string? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (!headers.TryGetValue("Authorization", out var authorization) || authorization != "Bearer " + token)
        {
            await WriteAsync(context, new Answer(401, Error("InvalidAuthenticationToken", "Access token is empty or invalid."))).ConfigureAwait(false);
            return;
        }

        if (!TryParse(context.Request.Method, target, body, inBatch: false, headers, out var request))
        {
            await WriteAsync(context, new Answer(400, Error("BadRequest", "Invalid version."))).ConfigureAwait(false);
            return;
        }

        if (FindFault(request) is { Hang: true })
        {
            Record(request, 0, null);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
            await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
            return;
        }

        Answer answer;
        if (request.Method == "POST" && request.Path == "/$batch")
        {
            answer = Batch(request);
        }
        else
        {
            answer = Handle(request);
            Record(request, answer.Status, null);
        }

        await WriteAsync(context, answer).ConfigureAwait(false);
    }

    private Answer Batch(FakeRequest outer)
    {
        if (Fault(outer) is { } injected)
        {
            Record(outer, injected.Status, null);
            return injected;
        }

        JsonArray requests;
        try
        {
            requests = JsonNode.Parse(outer.Body ?? "{}")!["requests"]!.AsArray();
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException)
        {
            Record(outer, 400, null);
            return new Answer(400, Error("BadRequest", "Invalid batch payload."));
        }

        if (requests.Count > 20)
        {
            Record(outer, 400, requests.Count);
            return new Answer(400, Error("BadRequest", "The number of requests in a batch exceeds 20."));
        }

        Record(outer, 200, requests.Count);
        var responses = new JsonArray();
        foreach (var item in requests)
        {
            string id = (string)item!["id"]!;
            string url = (string)item["url"]!;
            var innerHeaders = item["headers"] is JsonObject h ? h.ToDictionary(p => p.Key, p => (string?)p.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase) : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string target = "/" + outer.Version + (url.StartsWith('/') ? url : "/" + url);
            Answer answer;
            if (TryParse((string)item["method"]!, target, item["body"]?.ToJsonString(), inBatch: true, innerHeaders, out var inner))
            {
                answer = Handle(inner);
                Record(inner, answer.Status, null);
            }
            else
            {
                answer = new Answer(400, Error("BadRequest", "Invalid request URL."));
            }

            var response = new JsonObject { ["id"] = id, ["status"] = answer.Status };
            var responseHeaders = new JsonObject();
            foreach (var (name, value) in answer.Headers)
            {
                responseHeaders[name] = value;
            }

            if (answer.Json is not null)
            {
                responseHeaders["Content-Type"] = "application/json";
                response["body"] = answer.Json.DeepClone();
            }

            response["headers"] = responseHeaders;
            responses.Insert(0, response); // Graph may answer in any order: correlate by id.
        }

        return new Answer(200, new JsonObject { ["responses"] = responses });
    }

    private Answer Handle(FakeRequest r)
    {
        OnRequest?.Invoke(r);
        if (Fault(r) is { } injected)
        {
            return injected;
        }

        lock (gate)
        {
            string[] s = r.Path.Trim('/').Split('/');
            var t = Tenant;
            return (r.Method, s) switch
            {
                ("GET", ["organization"]) => Collection(r, [new JsonObject { ["id"] = t.TenantId.ToString("D") }]),
                ("GET", ["policies", "identitySecurityDefaultsEnforcementPolicy"]) => Resource(t.SecurityDefaults, t.Errors, "securityDefaults"),
                ("PATCH", ["policies", "identitySecurityDefaultsEnforcementPolicy"]) => Patch(t.SecurityDefaults, r),
                ("GET", ["identity", "conditionalAccess", "policies"]) => t.Errors.TryGetValue("conditionalAccessPolicies", out var caError) ? Failure(caError) : Collection(r, t.ConditionalAccessPolicies),
                ("GET", ["identity", "conditionalAccess", "policies", var id]) => Resource(Policy(id), t.Errors, "conditionalAccessPolicies"),
                ("PATCH", ["identity", "conditionalAccess", "policies", var id]) => Patch(Policy(id), r),
                ("GET", ["policies", "authenticationMethodsPolicy"]) => Resource(t.AuthenticationMethodsPolicy, t.Errors, "authenticationMethodsPolicy"),
                ("GET", ["policies", "mfaServicePolicy"]) when r.Version == "beta" => t.MfaServicePolicy is null && !t.Errors.ContainsKey("mfaServicePolicy")
                    ? new Answer(400, Error("BadRequest", "Resource not found for the segment 'mfaServicePolicy'."))
                    : Resource(t.MfaServicePolicy, t.Errors, "mfaServicePolicy"),
                ("PATCH", ["policies", "mfaServicePolicy"]) when r.Version == "beta" => Patch(t.MfaServicePolicy ??= [], r),
                ("GET", ["domains"]) => t.Errors.TryGetValue("domains", out var dError) ? Failure(dError) : Collection(r, t.Domains),
                ("GET", ["subscribedSkus"]) => t.Errors.TryGetValue("subscribedSkus", out var sError) ? Failure(sError) : Collection(r, t.SubscribedSkus),
                ("GET", ["users"]) => ListUsers(r),
                ("GET", ["users", "$count"]) => CountUsers(r),
                ("GET", ["users", var key]) => t.FindUser(key) is { } u ? new Answer(200, u.User.DeepClone()) : NoUser(key),
                ("PATCH", ["users", var key]) => t.FindUser(key) is { } u ? Patch(u.User, r) : NoUser(key),
                ("POST", ["users", var key, "revokeSignInSessions"]) => t.FindUser(key) is { } u ? Revoke(u) : NoUser(key),
                ("GET", ["users", var key, "authentication", "requirements"]) when r.Version == "beta" => t.FindUser(key) is { } u ? Resource(u.Requirements, u.Errors, "authenticationRequirements") : NoUser(key),
                ("PATCH", ["users", var key, "authentication", "requirements"]) when r.Version == "beta" => t.FindUser(key) is { } u ? PatchRequirements(u, r) : NoUser(key),
                ("GET", ["users", var key, "authentication", "methods"]) => t.FindUser(key) is { } u ? (u.Errors.TryGetValue("authenticationMethods", out var mError) ? Failure(mError) : Collection(r, u.Methods)) : NoUser(key),
                ("GET", ["auditLogs", "signIns"]) when r.Version == "beta" => t.Errors.TryGetValue("signIns", out var logError) ? Failure(logError) : ListSignIns(r),
                ("POST", ["identity", "conditionalAccess", "evaluate"]) => Evaluate(r),
                ("GET", ["users", var key, "transitiveMemberOf"]) => t.FindUser(key) is { } u ? (u.Errors.TryGetValue("transitiveMemberOf", out var gError) ? Failure(gError) : Collection(r, MemberOfAsServed(u.MemberOf, r))) : NoUser(key),
                _ => new Answer(400, Error("BadRequest", $"Resource not found for the segment '{s.LastOrDefault()}'.")),
            };
        }
    }

    private JsonObject? Policy(string id) =>
        Tenant.ConditionalAccessPolicies?.OfType<JsonObject>().FirstOrDefault(p => string.Equals((string?)p["id"], id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A user's memberships as Graph serves them to this caller: directory roles cut down to <c>@odata.type</c> and
    /// <c>id</c> unless <see cref="CallerReadsRoles"/>, and every object cut down to its <c>$select</c>ed properties (and
    /// <c>@odata.type</c>) when the request has one.
    /// </summary>
    private JsonArray? MemberOfAsServed(JsonArray? memberOf, FakeRequest r)
    {
        string[]? select = r.Param("$select")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (memberOf is null || (CallerReadsRoles && select is null))
        {
            return memberOf;
        }

        var served = new JsonArray();
        foreach (var item in memberOf.OfType<JsonObject>())
        {
            bool hiddenRole = !CallerReadsRoles && (string?)item["@odata.type"] == "#microsoft.graph.directoryRole";
            var copy = new JsonObject();
            foreach (var (name, value) in item)
            {
                bool kept = name == "@odata.type" || (hiddenRole ? name == "id" : select is null || select.Contains(name, StringComparer.OrdinalIgnoreCase));
                if (kept)
                {
                    copy[name] = value?.DeepClone();
                }
            }

            served.Add(copy);
        }

        return served;
    }

    /// <summary>
    /// The sign-in log as the capture asks for it: <c>$filter</c> with <c>createdDateTime ge/le</c>, <c>clientAppUsed eq</c>
    /// (any number, or'ed, case-insensitive), <c>userId eq</c> and <c>signInEventTypes/any(t: t eq …)</c>, newest first,
    /// pages of <c>$top</c> (at most <see cref="SignInPageSize"/>, 1,000 as Graph) with <c>@odata.nextLink</c>. Without
    /// <c>Prefer: include-unknown-enum-members</c> the <c>reportOnly*</c> results of <c>appliedConditionalAccessPolicies</c>
    /// come back as <c>unknownFutureValue</c>, as Graph does.
    /// </summary>
    private Answer ListSignIns(FakeRequest r)
    {
        int top = r.Param("$top") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : SignInPageSize;
        if (top is < 1 or > 1000)
        {
            return new Answer(400, Error("Request_UnsupportedQuery", $"Invalid page size specified: '{top}'. Must be between 1 and 1000 inclusive."));
        }

        string filter = r.Param("$filter") ?? string.Empty;
        var from = Regex.Match(filter, @"createdDateTime ge (\S+)") is { Success: true } ge ? DateTimeOffset.Parse(ge.Groups[1].Value, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
        var to = Regex.Match(filter, @"createdDateTime le (\S+)") is { Success: true } le ? DateTimeOffset.Parse(le.Groups[1].Value, CultureInfo.InvariantCulture) : DateTimeOffset.MaxValue;
        var clients = Regex.Matches(filter, @"clientAppUsed eq '((?:[^']|'')*)'").Select(m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string? userId = Regex.Match(filter, @"userId eq '([^']*)'") is { Success: true } u ? u.Groups[1].Value : null;
        var eventTypes = Regex.Match(filter, @"signInEventTypes/any\(t: (.*?)\)") is { Success: true } any
            ? Regex.Matches(any.Groups[1].Value, @"t eq '(\w+)'").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : ["interactiveUser"]; // Graph's default: the interactive log only.
        if (userId is not null && Tenant.FindUser(userId) is { } asked && asked.Errors.TryGetValue("signIns", out var userError))
        {
            return Failure(userError);
        }

        bool unknownEnums = r.Headers.TryGetValue("Prefer", out var prefer) && prefer.Contains("include-unknown-enum-members", StringComparison.OrdinalIgnoreCase);

        var matching = Tenant.SignIns
            .Select(s => (SignIn: s, At: DateTimeOffset.Parse((string)s["createdDateTime"]!, CultureInfo.InvariantCulture)))
            .Where(s => s.At >= from && s.At <= to)
            .Where(s => clients.Count == 0 || clients.Contains((string?)s.SignIn["clientAppUsed"] ?? string.Empty))
            .Where(s => userId is null || string.Equals((string?)s.SignIn["userId"], userId, StringComparison.OrdinalIgnoreCase))
            .Where(s => (s.SignIn["signInEventTypes"] as JsonArray ?? ["interactiveUser"]).Any(e => eventTypes.Contains((string?)e ?? string.Empty)))
            .OrderByDescending(s => s.At)
            .Select(s => s.SignIn)
            .ToArray();

        // Only the requested page is copied; the rest are placeholders that Collection skips.
        int skip = r.Param("$skiptoken") is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        int size = Math.Min(top, SignInPageSize);
        var items = new JsonArray();
        for (int i = 0; i < matching.Length; i++)
        {
            items.Add(i < skip || i >= skip + size ? null : unknownEnums ? matching[i].DeepClone() : WithoutNewEnumMembers(matching[i]));
        }

        return Collection(r, items, SignInPageSize);
    }

    /// <summary>A copy with the evolvable enum members Graph hides without <c>Prefer: include-unknown-enum-members</c> as <c>unknownFutureValue</c>.</summary>
    private static JsonObject WithoutNewEnumMembers(JsonObject signIn)
    {
        var copy = signIn.DeepClone().AsObject();
        foreach (var policy in (copy["appliedConditionalAccessPolicies"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (((string?)policy["result"])?.StartsWith("reportOnly", StringComparison.Ordinal) == true)
            {
                policy["result"] = "unknownFutureValue";
            }
        }

        return copy;
    }

    /// <summary>
    /// What-If (<c>POST /identity/conditionalAccess/evaluate</c>): the user's canned answer, or every enabled and report-only
    /// policy evaluated for the user, the application or user action, and the client type, each result the policy with
    /// <c>policyApplies</c> and <c>analysisReasons</c> (<c>notSet</c> when it applies, else the first unmet condition).
    /// Inside a batch the POST needs its own <c>Content-Type: application/json</c>, as Graph requires.
    /// </summary>
    private Answer Evaluate(FakeRequest r)
    {
        if (r.InBatch && !(r.Headers.TryGetValue("Content-Type", out var type) && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            return new Answer(400, Error("BadRequest", "Content-Type header must be specified for a request with a body."));
        }

        if (JsonNode.Parse(r.Body ?? "null") is not JsonObject body
            || body["signInIdentity"] is not JsonObject identity || (string?)identity["@odata.type"] != "#microsoft.graph.userSignIn"
            || body["signInContext"] is not JsonObject context || (string?)context["@odata.type"] is not ("#microsoft.graph.applicationContext" or "#microsoft.graph.userActionContext"))
        {
            return new Answer(400, Error("BadRequest", "Invalid What-If request: signInIdentity and signInContext with their @odata.type are required."));
        }

        if (Tenant.Errors.TryGetValue("conditionalAccessEvaluation", out var tenantError))
        {
            return Failure(tenantError);
        }

        if (Tenant.FindUser((string?)identity["userId"] ?? string.Empty) is not { } user)
        {
            return new Answer(400, Error("BadRequest", "The user in signInIdentity does not exist."));
        }

        if (user.Errors.TryGetValue("conditionalAccessEvaluation", out var userError))
        {
            return Failure(userError);
        }

        var value = user.WhatIf?.Invoke(body) ?? (Tenant.EvaluatesConditionalAccess ? EvaluatePolicies(user, body) : []);
        return new Answer(200, new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.whatIfAnalysisResult)", ["value"] = value });
    }

    private JsonArray EvaluatePolicies(FakeUser user, JsonObject body)
    {
        var context = body["signInContext"]!.AsObject();
        string clientAppType = (string?)body["signInConditions"]?["clientAppType"] ?? "all";
        var groups = (user.MemberOf ?? []).OfType<JsonObject>().Where(m => (string?)m["@odata.type"] == "#microsoft.graph.group").Select(m => (string?)m["id"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var roles = (user.MemberOf ?? []).OfType<JsonObject>().Where(m => (string?)m["@odata.type"] == "#microsoft.graph.directoryRole").Select(m => (string?)m["roleTemplateId"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var results = new JsonArray();
        foreach (var policy in (Tenant.ConditionalAccessPolicies ?? []).OfType<JsonObject>())
        {
            if ((string?)policy["state"] is not ("enabled" or "enabledForReportingButNotEnforced"))
            {
                continue; // What-If evaluates enabled and report-only policies only.
            }

            var conditions = policy["conditions"] as JsonObject;
            var users = conditions?["users"] as JsonObject;
            bool included = Names(users, "includeUsers").Any(u => u == "All" || string.Equals(u, user.Id, StringComparison.OrdinalIgnoreCase))
                || Names(users, "includeGroups").Any(groups.Contains)
                || Names(users, "includeRoles").Any(roles.Contains);
            bool excluded = Names(users, "excludeUsers").Any(u => string.Equals(u, user.Id, StringComparison.OrdinalIgnoreCase))
                || Names(users, "excludeGroups").Any(groups.Contains)
                || Names(users, "excludeRoles").Any(roles.Contains);
            var applications = conditions?["applications"] as JsonObject;
            bool inScope = (string?)context["@odata.type"] == "#microsoft.graph.applicationContext"
                ? Names(context, "includeApplications").Any(app => Names(applications, "includeApplications").Any(p => p == "All" || p == "Office365" || string.Equals(p, app, StringComparison.OrdinalIgnoreCase))
                    && !Names(applications, "excludeApplications").Contains(app, StringComparer.OrdinalIgnoreCase))
                : Names(applications, "includeUserActions").Any(a => string.Equals(a, "urn:user:registersecurityinfo", StringComparison.OrdinalIgnoreCase) && (string?)context["userAction"] == "registerSecurityInformation");
            var clientTypes = Names(conditions, "clientAppTypes").ToArray();
            bool clientMatches = clientTypes.Length == 0 || clientTypes.Contains("all") || clientTypes.Contains(clientAppType) || (clientAppType == "exchangeActiveSync" && clientTypes.Contains("easSupported"));
            string reason = !included || excluded ? "users"
                : !inScope ? ((string?)context["@odata.type"] == "#microsoft.graph.applicationContext" ? "application" : "userActions")
                : !clientMatches ? "clientApps"
                : "notSet";
            var result = policy.DeepClone().AsObject();
            result["policyApplies"] = reason == "notSet";
            result["analysisReasons"] = reason;
            results.Add(result);
        }

        return results;
    }

    private static IEnumerable<string> Names(JsonObject? parent, string property) =>
        (parent?[property] as JsonArray ?? []).Select(n => (string?)n).OfType<string>();

    private Answer ListUsers(FakeRequest r)
    {
        int top = r.Param("$top") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : PageSize;
        if (top > 999)
        {
            return new Answer(400, Error("Request_UnsupportedQuery", $"Invalid page size specified: '{top}'. Must be between 1 and 999 inclusive."));
        }

        int skip = 0;
        if (r.Param("$skiptoken") is { } token)
        {
            skip = int.Parse(token, CultureInfo.InvariantCulture);
        }

        var users = new JsonArray();
        for (int i = 0; i < Tenant.Users.Count; i++)
        {
            // Only the requested page is copied; the rest are placeholders that Collection skips.
            if (i < skip || i >= skip + Math.Min(top, PageSize))
            {
                users.Add(null);
                continue;
            }

            var copy = Tenant.Users[i].User.DeepClone().AsObject();
            copy.Remove("@odata.context");
            users.Add(copy);
        }

        return Collection(r, users);
    }

    private Answer CountUsers(FakeRequest r) =>
        r.Headers.TryGetValue("ConsistencyLevel", out var level) && level == "eventual"
            ? new Answer(200, null, Tenant.Users.Count.ToString(CultureInfo.InvariantCulture))
            : new Answer(400, Error("Request_BadRequest", "Count is not currently supported."));

    private Answer Revoke(FakeUser user)
    {
        user.User["signInSessionsValidFromDateTime"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
        return new Answer(200, new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean", ["value"] = true });
    }

    private static Answer PatchRequirements(FakeUser user, FakeRequest r)
    {
        var body = JsonNode.Parse(r.Body ?? "{}") as JsonObject;
        if (body?["perUserMfaState"] is not JsonValue value || !value.TryGetValue(out string? state) || state is not ("disabled" or "enabled" or "enforced"))
        {
            return new Answer(400, Error("BadRequest", "Invalid value for perUserMfaState."));
        }

        user.Requirements ??= [];
        user.Errors.Remove("authenticationRequirements");
        return Patch(user.Requirements, r);
    }

    private static Answer Patch(JsonObject? target, FakeRequest r)
    {
        if (target is null)
        {
            return new Answer(404, Error("Request_ResourceNotFound", "Resource does not exist."));
        }

        if (JsonNode.Parse(r.Body ?? "{}") is not JsonObject patch)
        {
            return new Answer(400, Error("BadRequest", "The body must be a JSON object."));
        }

        Merge(target, patch);
        return new Answer(204, null);
    }

    /// <summary>JSON merge patch: objects merge member by member, everything else is replaced.</summary>
    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToArray())
        {
            if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }

    private static Answer Resource(JsonObject? value, Dictionary<string, FakeError> errors, string section) =>
        errors.TryGetValue(section, out var error) ? Failure(error)
        : value is null ? new Answer(404, Error("Request_ResourceNotFound", "Resource does not exist."))
        : new Answer(200, value.DeepClone());

    private Answer Collection(FakeRequest r, JsonArray? items, int? maxPage = null)
    {
        if (items is null)
        {
            return new Answer(404, Error("Request_ResourceNotFound", "Resource does not exist."));
        }

        int top = r.Param("$top") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : int.MaxValue;
        int size = Math.Max(1, Math.Min(top, maxPage ?? PageSize));
        int skip = r.Param("$skiptoken") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
        var page = new JsonArray();
        for (int i = skip; i < Math.Min(items.Count, skip + size); i++)
        {
            page.Add(items[i]!.DeepClone());
        }

        var result = new JsonObject { ["@odata.context"] = $"https://graph.microsoft.com/{r.Version}/$metadata#{r.Path.Trim('/')}", ["value"] = page };
        if (skip + size < items.Count)
        {
            var query = r.Query.Where(q => q.Key != "$skiptoken").Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value)).Append("$skiptoken=" + (skip + size).ToString(CultureInfo.InvariantCulture));
            result["@odata.nextLink"] = $"{Root}/{r.Version}{EscapePath(r.Path)}?{string.Join("&", query)}";
        }

        return new Answer(200, result);
    }

    private static string EscapePath(string path) => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

    private static Answer NoUser(string key) =>
        new(404, Error("Request_ResourceNotFound", $"Resource '{key}' does not exist or one of its queried reference-property objects are not present."));

    private static Answer Failure(FakeError error) => new(error.Status, Error(error.Code, error.Message));

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private FaultRule? FindFault(FakeRequest request)
    {
        lock (gate)
        {
            return faults.FirstOrDefault(f => f.Hang && f.Remaining is null or > 0 && f.Match(request)) is { } fault ? Use(fault) : null;
        }
    }

    private Answer? Fault(FakeRequest request)
    {
        lock (gate)
        {
            if (faults.FirstOrDefault(f => !f.Hang && f.Remaining is null or > 0 && f.Match(request)) is not { } fault)
            {
                return null;
            }

            Use(fault);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (fault.RetryAfterSeconds is { } seconds)
            {
                headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return new Answer(fault.Status, Error(fault.Code, fault.Message), null, headers);
        }
    }

    private static FaultRule Use(FaultRule fault)
    {
        if (fault.Remaining is { } remaining)
        {
            fault.Remaining = remaining - 1;
        }

        return fault;
    }

    private void Record(FakeRequest request, int status, int? batchSize)
    {
        List<TaskCompletionSource<FakeRequest>> signals = [];
        lock (gate)
        {
            log.Add(new FakeExchange(request, status, batchSize, clock.GetUtcNow()));
            for (int i = waiters.Count - 1; i >= 0; i--)
            {
                if (waiters[i].Match(request))
                {
                    signals.Add(waiters[i].Signal);
                    waiters.RemoveAt(i);
                }
            }
        }

        foreach (var signal in signals)
        {
            signal.TrySetResult(request);
        }
    }

    private static bool TryParse(string method, string target, string? body, bool inBatch, IReadOnlyDictionary<string, string> headers, out FakeRequest request)
    {
        request = null!;
        int q = target.IndexOf('?', StringComparison.Ordinal);
        string path = q < 0 ? target : target[..q];
        string query = q < 0 ? string.Empty : target[(q + 1)..];
        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments[0] is not ("v1.0" or "beta"))
        {
            return false;
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            parameters[name] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
        }

        string decoded = "/" + string.Join("/", segments.Skip(1).Select(Uri.UnescapeDataString));
        request = new FakeRequest(method.ToUpperInvariant(), segments[0], decoded, parameters, inBatch, body, headers);
        return true;
    }

    private static async Task WriteAsync(HttpContext context, Answer answer)
    {
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Json.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
        else if (answer.Text is not null)
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(answer.Text, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private sealed record Answer(int Status, JsonNode? Json, string? Text = null, IReadOnlyDictionary<string, string>? ExtraHeaders = null)
    {
        public IReadOnlyDictionary<string, string> Headers => ExtraHeaders ?? new Dictionary<string, string>();
    }

    private sealed class FaultRule(Func<FakeRequest, bool> match, int status, int? times, string code, string message, int? retryAfterSeconds, bool Hang)
    {
        public Func<FakeRequest, bool> Match { get; } = match;

        public int Status { get; } = status;

        public int? Remaining { get; set; } = times;

        public string Code { get; } = code;

        public string Message { get; } = message;

        public int? RetryAfterSeconds { get; } = retryAfterSeconds;

        public bool Hang { get; } = Hang;
    }
}
