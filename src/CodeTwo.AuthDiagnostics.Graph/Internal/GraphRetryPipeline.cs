using CodeTwo.AuthDiagnostics.Execution;
using Polly;
using Polly.Retry;

namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>A retry about to happen (for logs, counters and the tenant-wide pause).</summary>
/// <param name="Status">The HTTP status of the transient answer.</param>
/// <param name="Attempt">The attempt that got it, counting from 1.</param>
/// <param name="Delay">The wait before the next attempt.</param>
/// <param name="PausesTenant">A 429 of a request without a throttling limit of its own: the tenant's other requests should wait as long.</param>
internal readonly record struct GraphRetryEvent(int Status, int Attempt, TimeSpan Delay, bool PausesTenant);

/// <summary>
/// The retry layer of every request the Graph package sends: a Polly retry pipeline that tries a request up to
/// <see cref="MaxAttempts"/> times while it is answered 429, 503 or 504, waiting as the core's
/// <see cref="GraphRetryDelay"/> says (<c>Retry-After</c>, else the exponential back-off, capped) on the injected
/// <see cref="TimeProvider"/>. The policy (which answers are retried, how long to wait, which requests have a throttling
/// limit of their own) is the core's public one, shared with its plan runner; only this plumbing is the package's own, so
/// the package uses nothing of the core but its public API. Exceptions are never retried, and cancellation ends a wait
/// at once. Thread-safe.
/// </summary>
internal sealed class GraphRetryPipeline
{
    private static readonly ResiliencePropertyKey<Call> CallKey = new("CodeTwo.AuthDiagnostics.Graph.RetryCall");

    private readonly TimeProvider time;
    private readonly TimeSpan initialDelay;
    private readonly TimeSpan maxDelay;
    private readonly ResiliencePipeline<RawResponse> pipeline;

    /// <summary>Builds the pipeline.</summary>
    /// <param name="maxAttempts">Attempts in all, at least 1 (validated by the options).</param>
    /// <param name="initialDelay">The first back-off when no <c>Retry-After</c> can be read.</param>
    /// <param name="maxDelay">The longest single wait.</param>
    /// <param name="time">The clock every wait and every HTTP-date <c>Retry-After</c> is measured on.</param>
    public GraphRetryPipeline(int maxAttempts, TimeSpan initialDelay, TimeSpan maxDelay, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        MaxAttempts = maxAttempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.time = time;

        // Polly counts retries, not attempts, and wants at least one: a single attempt needs no strategy at all.
        pipeline = maxAttempts == 1
            ? ResiliencePipeline<RawResponse>.Empty
            : new ResiliencePipelineBuilder<RawResponse> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<RawResponse>
                {
                    MaxRetryAttempts = maxAttempts - 1,
                    BackoffType = DelayBackoffType.Constant,
                    Delay = TimeSpan.Zero,
                    UseJitter = false,
                    ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is null && args.Outcome.Result is { IsTransient: true }),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(DelayFor(args.Outcome.Result!, args.AttemptNumber + 1)),
                    OnRetry = OnRetry,
                })
                .Build();
    }

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>The wait after <paramref name="response"/> ended attempt <paramref name="attempt"/> (from 1), measured now on the injected clock.</summary>
    /// <param name="response">The transient response.</param>
    /// <param name="attempt">The attempt that got it, counting from 1.</param>
    public TimeSpan DelayFor(RawResponse response, int attempt) =>
        GraphRetryDelay.Compute(response.Headers.TryGetValue("Retry-After", out string? value) ? value : null, attempt, initialDelay, maxDelay, time.GetUtcNow());

    /// <summary>
    /// Sends with retries and returns the last answer and the attempts made. Throws what <paramref name="send"/> throws
    /// (never retried) and <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="url">The request's URL or path: decides whether it has a throttling limit of its own.</param>
    /// <param name="send">One attempt.</param>
    /// <param name="onRetry">Told of every retry before its wait.</param>
    /// <param name="cancellationToken">Cancels the attempts and the waits.</param>
    public async Task<(RawResponse Response, int Attempts)> ExecuteAsync(string url, Func<CancellationToken, ValueTask<RawResponse>> send, Action<GraphRetryEvent> onRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var call = new Call(send, onRetry, GraphRetryDelay.HasOwnThrottleBucket(url));
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(CallKey, call);
            var response = await pipeline.ExecuteAsync(static (context, call) => call.SendAsync(context.CancellationToken), context, call).ConfigureAwait(false);
            return (response, call.Attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ValueTask OnRetry(OnRetryArguments<RawResponse> args)
    {
        if (args.Context.Properties.TryGetValue(CallKey, out var call) && args.Outcome.Result is { } response)
        {
            call.OnRetry(new GraphRetryEvent(response.Status, args.AttemptNumber + 1, args.RetryDelay, response.Status == 429 && !call.OwnThrottleBucket));
        }

        return default;
    }

    /// <summary>One call's attempt, observer and attempt count.</summary>
    private sealed class Call(Func<CancellationToken, ValueTask<RawResponse>> send, Action<GraphRetryEvent> onRetry, bool ownThrottleBucket)
    {
        private int attempts;

        public Action<GraphRetryEvent> OnRetry { get; } = onRetry;

        public bool OwnThrottleBucket { get; } = ownThrottleBucket;

        public int Attempts => Volatile.Read(ref attempts);

        public ValueTask<RawResponse> SendAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref attempts);
            return send(cancellationToken);
        }
    }
}
