using System.Text.Json;
using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Testing.Internal;

namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>
/// A tenant in memory, for offline tests of hosts and plans: an <see cref="IGraphExecutor"/> that applies the requests
/// a plan sends to the state it holds (per-user MFA requirements with enum validation, <c>revokeSignInSessions</c>
/// moving <c>signInSessionsValidFromDateTime</c>, Conditional Access policy PATCH, security defaults PATCH, user
/// PATCH) and answers the reads of drift checks, plus an <see cref="ISnapshotSource"/> that captures the current
/// state. It records every request and injects faults: a given status, throttling, latency, a crash after the N-th
/// write. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var tenant = new InMemoryTenant(new SnapshotBuilder().WithSecurityDefaults(true).WithUser("backup@contoso.com").Build());
/// tenant.FailWhen(r =&gt; r.Url.Contains("conditionalAccess"), 403, code: "Authorization_RequestDenied");
/// var runner = new PlanRunner(tenant, diagnostics, time, tenant);
/// </code>
/// </example>
public sealed class InMemoryTenant : IGraphExecutor, ISnapshotSource
{
    private readonly object gate = new();
    private readonly TimeProvider time;
    private readonly List<RecordedRequest> requests = [];
    private readonly List<(InMemoryTenantFault Fault, int Hits)> faults = [];
    private TenantSnapshot state;
    private int writes;
    private int? crashAfterWrite;
    private TimeSpan latency;

    /// <summary>Creates a tenant holding <paramref name="snapshot"/>.</summary>
    /// <param name="snapshot">The initial state.</param>
    /// <param name="time">The clock (for revocations, latency and capture times); default <see cref="TimeProvider.System"/>.</param>
    public InMemoryTenant(TenantSnapshot snapshot, TimeProvider? time = null)
    {
        state = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>The current state.</summary>
    public TenantSnapshot Current
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return requests.ToArray();
            }
        }
    }

    /// <summary>The writes received (PATCH, POST, …), including rejected ones.</summary>
    public IReadOnlyList<RecordedRequest> Writes => Requests.Where(r => r.IsWrite).ToArray();

    /// <summary>Answers matching requests with <paramref name="statusCode"/> (and a Graph error body) instead of applying them.</summary>
    /// <param name="matches">Which requests.</param>
    /// <param name="statusCode">The status.</param>
    /// <param name="times">How many times; <see langword="null"/> for every matching request.</param>
    /// <param name="code">The Graph error code.</param>
    /// <param name="message">The Graph error message.</param>
    /// <param name="retryAfterSeconds">A <c>Retry-After</c> header, if any.</param>
    public InMemoryTenant FailWhen(Func<GraphRequest, bool> matches, int statusCode, int? times = null, string? code = null, string? message = null, int? retryAfterSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(matches);
        lock (gate)
        {
            faults.Add((new InMemoryTenantFault(matches, statusCode, times, retryAfterSeconds, code, message), 0));
        }

        return this;
    }

    /// <summary>Throttles the next <paramref name="times"/> requests (429, optionally with <c>Retry-After</c>).</summary>
    /// <param name="times">How many requests.</param>
    /// <param name="retryAfterSeconds">The <c>Retry-After</c> value; <see langword="null"/> sends none (as the Conditional Access API does).</param>
    public InMemoryTenant Throttle(int times, int? retryAfterSeconds = null) =>
        FailWhen(_ => true, 429, times, "TooManyRequests", "Too many requests.", retryAfterSeconds);

    /// <summary>Delays every answer by <paramref name="delay"/> (through the tenant's clock).</summary>
    /// <param name="delay">The latency.</param>
    public InMemoryTenant WithLatency(TimeSpan delay)
    {
        lock (gate)
        {
            latency = delay;
        }

        return this;
    }

    /// <summary>Applies the <paramref name="n"/>-th write (counting from 1), then throws <see cref="SimulatedCrashException"/>; later requests work normally.</summary>
    /// <param name="n">The write to crash after.</param>
    public InMemoryTenant CrashAfterWrite(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        lock (gate)
        {
            crashAfterWrite = writes + n;
        }

        return this;
    }

    /// <inheritdoc />
    public async Task<GraphResponse> SendAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan delay;
        lock (gate)
        {
            delay = latency;
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }

        bool crash = false;
        GraphResponse response;
        lock (gate)
        {
            response = Handle(request);
            requests.Add(new RecordedRequest(request, response.StatusCode, time.GetUtcNow()));
            if (!string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase) && response.IsSuccess)
            {
                writes++;
                if (crashAfterWrite == writes)
                {
                    crashAfterWrite = null;
                    crash = true;
                }
            }
        }

        return crash ? throw new SimulatedCrashException($"Simulated crash after {request.Method} {request.Url} reached the tenant.") : response;
    }

    /// <summary>
    /// Performs a manual step as a person would, for <see cref="PlanRunOptions.ConfirmManualStep"/>: applies the
    /// change the step stands for (for example turning on the tenant's app-password switch, or enabling a synced
    /// account on premises) and confirms it. Steps with no tenant effect (the user adding an app password) are just
    /// confirmed.
    /// </summary>
    /// <param name="step">The manual step.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    public ValueTask<bool> PerformManualStepAsync(PlanStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        cancellationToken.ThrowIfCancellationRequested();
        if (step.SimulatedEffect is { } effect)
        {
            lock (gate)
            {
                var result = SnapshotPatcher.Apply(state, effect, time.GetUtcNow());
                if (result.Status < 400)
                {
                    state = result.Snapshot;
                }
            }
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public Task<TenantSnapshot> CaptureAsync(SnapshotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var missing = new List<string>();
        lock (gate)
        {
            var document = SnapshotDocument.Of(state);
            document["capturedAt"] = SnapshotWriter.FormatInstant(time.GetUtcNow());
            if (!request.AllUsers)
            {
                var all = document["users"] as JsonArray ?? new JsonArray();
                var users = new JsonArray();
                foreach (string wanted in request.Users)
                {
                    if (FindUser(state, wanted) is { } found)
                    {
                        users.Add(all[found.Index]!.DeepClone());
                    }
                    else
                    {
                        missing.Add(wanted);
                    }
                }

                document["users"] = users;
            }

            document["missingUsers"] = new JsonArray(missing.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
            return Task.FromResult(SnapshotDocument.Read(document));
        }
    }

    private GraphResponse Handle(GraphRequest request)
    {
        for (int i = 0; i < faults.Count; i++)
        {
            var (fault, hits) = faults[i];
            if ((fault.Times is null || hits < fault.Times) && fault.Matches(request))
            {
                faults[i] = (fault, hits + 1);
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return new GraphResponse(fault.StatusCode, headers, Error(fault.ErrorCode ?? "Fault", fault.Message ?? $"Injected {fault.StatusCode}."));
            }
        }

        if (string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return Read(request);
        }

        var result = SnapshotPatcher.Apply(state, request, time.GetUtcNow());
        if (result.Status >= 400)
        {
            return GraphResponse.Of(result.Status, Error(result.Status switch { 404 => "Request_ResourceNotFound", 405 => "MethodNotAllowed", _ => "BadRequest" }, result.Error ?? "Error."));
        }

        state = result.Snapshot;
        return request.Url.EndsWith("/revokeSignInSessions", StringComparison.OrdinalIgnoreCase)
            ? GraphResponse.Of(200, "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean\",\"value\":true}")
            : GraphResponse.Of(204);
    }

    private GraphResponse Read(GraphRequest request)
    {
        var uri = new Uri(request.Url);
        string[] parts = uri.AbsolutePath.Trim('/').Split('/');
        var contents = state.Contents;
        JsonElement payload = parts switch
        {
            [_, "users", var id, "authentication", "requirements"] => FindUser(state, Uri.UnescapeDataString(id))?.User.Sections.FirstOrDefault(s => s.Name == "authenticationRequirements")?.Value ?? default,
            [_, "users", var id] => FindUser(state, Uri.UnescapeDataString(id))?.User.User ?? default,
            [_, "policies", "identitySecurityDefaultsEnforcementPolicy"] => TenantSection(contents, "securityDefaults"),
            [_, "policies", "mfaServicePolicy"] => TenantSection(contents, "mfaServicePolicy"),
            [_, "identity", "conditionalAccess", "policies", var id] => Policy(TenantSection(contents, "conditionalAccessPolicies"), id),
            _ => default,
        };
        return payload.ValueKind != JsonValueKind.Undefined
            ? GraphResponse.Of(200, payload.GetRawText())
            : GraphResponse.Of(404, Error("Request_ResourceNotFound", $"Resource '{uri.AbsolutePath}' does not exist."));
    }

    /// <summary>The user whose object id or user principal name is <paramref name="idOrUserPrincipalName"/> (case-insensitive), with its place in the document.</summary>
    private static (SnapshotUser User, int Index)? FindUser(TenantSnapshot snapshot, string idOrUserPrincipalName)
    {
        string key = idOrUserPrincipalName.Trim();
        var users = snapshot.Contents.Users;
        for (int i = 0; i < users.Count; i++)
        {
            if (string.Equals(users[i].Id, key, StringComparison.OrdinalIgnoreCase) || string.Equals(users[i].UserPrincipalName, key, StringComparison.OrdinalIgnoreCase))
            {
                return (users[i], i);
            }
        }

        return null;
    }

    private static JsonElement TenantSection(SnapshotContents contents, string name) =>
        contents.TenantSections.FirstOrDefault(s => s.Name == name)?.Value ?? default;

    private static JsonElement Policy(JsonElement policies, string id) =>
        policies.ValueKind == JsonValueKind.Array
            ? policies.EnumerateArray().FirstOrDefault(p => p.TryGetProperty("id", out var policyId) && string.Equals(policyId.GetString(), id, StringComparison.OrdinalIgnoreCase))
            : default;

    private static string Error(string code, string message) =>
        "{\"error\":{\"code\":" + JsonSerializer.Serialize(code, TestingJsonContext.Default.String) + ",\"message\":" + JsonSerializer.Serialize(message, TestingJsonContext.Default.String) + "}}";

    /// <summary>The current state written as a snapshot document.</summary>
    public string ToJson() => SnapshotWriter.ToJson(Current);
}
