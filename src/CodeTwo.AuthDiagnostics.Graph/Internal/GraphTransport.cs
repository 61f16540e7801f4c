using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>Request and retry counts of one capture.</summary>
internal sealed class CaptureCounters
{
    private int requests;
    private int retries;

    public int Requests => Volatile.Read(ref requests);

    public int Retries => Volatile.Read(ref retries);

    public void Request() => Interlocked.Increment(ref requests);

    public void Retry() => Interlocked.Increment(ref retries);
}

/// <summary>
/// Sends raw requests through the host's Kiota request adapter (so the host's authentication, handlers and HttpClient
/// apply) and returns status, headers and body without Kiota's error mapping. Kiota's own retry handler is switched off
/// per request, so <see cref="SendAsync"/> retries only through <see cref="Retry"/>, which follows the retry policy the core's
/// plan runner uses too (the core's public <see cref="Execution.GraphRetryDelay"/>): <c>Retry-After</c> (seconds or an
/// HTTP date) or the exponential back-off, capped. On top of it the transport pauses every request of the adapter after a throttled one (except for
/// the Conditional Access API, which has a limit of its own) and holds at most
/// <see cref="MicrosoftGraphOptions.MaxConcurrency"/> requests in flight. Never logs headers or bodies.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "A SemaphoreSlim needs disposing only when its AvailableWaitHandle is used, which it never is; the transport lives as long as its client.")]
internal sealed partial class GraphTransport
{
    private readonly IRequestAdapter adapter;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly TimeSpan requestTimeout;
    private readonly SemaphoreSlim slots;
    private readonly GraphRetryPipeline retry;
    private readonly object gate = new();
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;

    public GraphTransport(IRequestAdapter adapter, MicrosoftGraphOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(options);
        MicrosoftGraphOptionsValidator.ThrowIfInvalid(options);
        this.adapter = adapter;
        this.time = time;
        this.logger = logger;

        // What the transport needs, copied: the options object stays the host's to change.
        requestTimeout = options.RequestTimeout;
        Endpoints = GraphEndpoints.Create(adapter.BaseUrl, options);
        slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        retry = new GraphRetryPipeline(options.MaxAttempts, options.InitialRetryDelay, options.MaxRetryDelay, time);
    }

    public GraphEndpoints Endpoints { get; }

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    /// <summary>The retry policy of every request (and of the rounds of <see cref="BatchRunner"/>).</summary>
    public GraphRetryPipeline Retry => retry;

    /// <summary>
    /// One attempt, no retry, no concurrency limit. Throws <see cref="HttpRequestException"/> for transport failures,
    /// <see cref="GraphTimeoutException"/> when <see cref="MicrosoftGraphOptions.RequestTimeout"/> passes, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<RawResponse> SendOnceAsync(string method, Uri url, ReadOnlyMemory<byte>? jsonBody, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        var request = new RequestInformation { HttpMethod = ParseMethod(method), URI = url };
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }
        }

        if (jsonBody is { } body)
        {
            request.SetStreamContent(new MemoryStream(body.ToArray(), writable: false), "application/json");
        }

        var handler = new NativeResponseHandler();
        request.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = handler }, new RetryHandlerOption { MaxRetry = 0 }]);

        var timeout = requestTimeout;
        using var timeoutSource = timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(timeout, time);
        using var linked = timeoutSource is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var token = linked?.Token ?? cancellationToken;
        try
        {
            await adapter.SendNoContentAsync(request, errorMapping: null, token).ConfigureAwait(false);
            using var response = handler.Value as HttpResponseMessage
                ?? throw new InvalidOperationException("The request adapter returned no HttpResponseMessage; it must be Kiota's HttpClientRequestAdapter (as GraphServiceClient uses).");
            byte[] content = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                responseHeaders[header.Key] = string.Join(", ", header.Value);
            }

            return RawResponse.Of((int)response.StatusCode, content, responseHeaders);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeoutSource is { IsCancellationRequested: true })
        {
            throw new GraphTimeoutException(timeout);
        }
    }

    /// <summary>
    /// Sends with retries (429, 503, 504, timeouts, transport errors) inside the concurrency bound. Never throws for a
    /// Graph or transport failure: the last answer (possibly synthetic) is returned. Throws only on cancellation.
    /// A throttled answer pauses the adapter's other requests for the wait, unless the request has a throttling limit
    /// of its own (the Conditional Access API: 1 request per second per tenant, no <c>Retry-After</c>).
    /// </summary>
    public async Task<RawResponse> SendAsync(string method, Uri url, ReadOnlyMemory<byte>? jsonBody, IReadOnlyDictionary<string, string>? headers, CaptureCounters counters, CancellationToken cancellationToken)
    {
        string path = GraphEndpoints.PathOf(url);
        var outcome = await retry.ExecuteAsync(
            path,
            async token =>
            {
                await WaitWhilePausedAsync(token).ConfigureAwait(false);
                return await SendInSlotAsync(method, url, jsonBody, headers, counters, token).ConfigureAwait(false);
            },
            r =>
            {
                if (r.PausesTenant)
                {
                    Pause(r.Delay);
                }

                counters.Retry();
                LogRetry(method, path, r.Status, r.Attempt, r.Delay.TotalSeconds);
            },
            cancellationToken).ConfigureAwait(false);
        if (outcome.Response.IsTransient)
        {
            LogGaveUp(method, path, outcome.Response.Status, outcome.Attempts);
        }

        return outcome.Response;
    }

    /// <summary>Makes every request of this adapter wait until <paramref name="delay"/> from now (a throttled tenant keeps accruing usage while it is hammered).</summary>
    public void Pause(TimeSpan delay)
    {
        var until = time.GetUtcNow() + delay;
        lock (gate)
        {
            if (until > pausedUntil)
            {
                pausedUntil = until;
            }
        }
    }

    private async Task WaitWhilePausedAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (gate)
        {
            wait = pausedUntil - time.GetUtcNow();
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<RawResponse> SendInSlotAsync(string method, Uri url, ReadOnlyMemory<byte>? jsonBody, IReadOnlyDictionary<string, string>? headers, CaptureCounters counters, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            counters.Request();
            var response = await SendOnceAsync(method, url, jsonBody, headers, cancellationToken).ConfigureAwait(false);
            LogResponse(method, GraphEndpoints.PathOf(url), response.Status);
            return response;
        }
        catch (GraphTimeoutException e)
        {
            LogResponse(method, GraphEndpoints.PathOf(url), 504);
            return RawResponse.TimedOut(e.Timeout);
        }
        catch (HttpRequestException e)
        {
            LogTransportError(method, GraphEndpoints.PathOf(url), e.HttpRequestError.ToString());
            return RawResponse.TransportFailed(e.Message);
        }
        finally
        {
            slots.Release();
        }
    }

    private static Method ParseMethod(string method) => method.ToUpperInvariant() switch
    {
        "GET" => Method.GET,
        "POST" => Method.POST,
        "PATCH" => Method.PATCH,
        "PUT" => Method.PUT,
        "DELETE" => Method.DELETE,
        _ => throw new ArgumentException($"HTTP method '{method}' is not supported.", nameof(method)),
    };

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status}")]
    private partial void LogResponse(string method, string path, int status);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "{Method} {Path} answered {Status} (attempt {Attempt}); retrying in {Seconds} s")]
    private partial void LogRetry(string method, string path, int status, int attempt, double seconds);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Method} {Path} still answered {Status} after {Attempts} attempts; giving up")]
    private partial void LogGaveUp(string method, string path, int status, int attempts);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "{Method} {Path} did not reach Graph ({Error})")]
    private partial void LogTransportError(string method, string path, string error);
}

/// <summary>One attempt took longer than <see cref="MicrosoftGraphOptions.RequestTimeout"/>.</summary>
internal sealed class GraphTimeoutException(TimeSpan timeout) : TimeoutException($"Graph did not answer within {timeout.TotalSeconds:0.###} s (MicrosoftGraphOptions.RequestTimeout).")
{
    public TimeSpan Timeout { get; } = timeout;
}
