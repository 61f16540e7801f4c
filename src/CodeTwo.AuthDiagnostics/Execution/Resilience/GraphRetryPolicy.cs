using System.Diagnostics.CodeAnalysis;
using Polly;
using Polly.Retry;

namespace CodeTwo.AuthDiagnostics.Execution.Resilience;

/// <summary>How hard one pipeline retries: attempts in all (the first included), and the back-off's first and longest wait.</summary>
/// <param name="MaxAttempts">Attempts in all, at least 1 (1: no retry).</param>
/// <param name="InitialDelay">The first back-off when no <c>Retry-After</c> can be read; it doubles with every attempt.</param>
/// <param name="MaxDelay">The longest single wait, whatever <c>Retry-After</c> says.</param>
internal readonly record struct GraphRetrySettings(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay);

/// <summary>A retry about to happen (for logs, counters and the tenant-wide pause).</summary>
/// <typeparam name="T">The response type.</typeparam>
/// <param name="Response">The transient answer.</param>
/// <param name="Status">Its HTTP status.</param>
/// <param name="Attempt">The attempt that got it, counting from 1.</param>
/// <param name="Delay">The wait before the next attempt.</param>
/// <param name="PausesTenant">A 429 of a request without a throttling limit of its own: the tenant's other requests should wait as long.</param>
internal readonly record struct GraphRetryEvent<T>(T Response, int Status, int Attempt, TimeSpan Delay, bool PausesTenant);

/// <summary>The last answer of a call and how many attempts it took.</summary>
/// <typeparam name="T">The response type.</typeparam>
/// <param name="Response">The last answer: a success, a permanent failure, or the transient answer retries ran out on.</param>
/// <param name="Attempts">Attempts made, counting the first.</param>
internal readonly record struct GraphRetryOutcome<T>(T Response, int Attempts);

/// <summary>
/// The one retry layer of every Microsoft Graph call (capture reads, plan writes, drift reads, rollbacks): a Polly
/// retry pipeline that tries a request up to <see cref="GraphRetrySettings.MaxAttempts"/> times while it is answered
/// 429, 503 or 504, waiting as <see cref="GraphRetryDelay.Compute(string?, int, GraphRetrySettings, DateTimeOffset)"/> says on the injected <see cref="TimeProvider"/>.
/// Exceptions are never retried (a transport failure's outcome is the caller's to judge), and cancellation ends a
/// wait at once with <see cref="OperationCanceledException"/>. Generic over the response type so that the core uses
/// it with its <c>GraphResponse</c> and the Graph package with its own raw response.
/// Thread-safe; build one per set of settings.
/// </summary>
/// <typeparam name="T">The response type (Polly's retry options ask the trimmer to keep its members).</typeparam>
internal sealed class GraphRetryPolicy<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>
{
    private static readonly ResiliencePropertyKey<Call> CallKey = new("CodeTwo.AuthDiagnostics.GraphRetryCall");

    private readonly TimeProvider time;
    private readonly Func<T, int> status;
    private readonly Func<T, string?> retryAfter;
    private readonly ResiliencePipeline<T> pipeline;

    /// <summary>Builds the pipeline.</summary>
    /// <param name="settings">Attempts and delays; validated by the caller's options.</param>
    /// <param name="time">The clock every wait and every HTTP-date <c>Retry-After</c> is measured on.</param>
    /// <param name="status">The HTTP status of a response.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> header of a response, or <see langword="null"/>.</param>
    public GraphRetryPolicy(GraphRetrySettings settings, TimeProvider time, Func<T, int> status, Func<T, string?> retryAfter)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(retryAfter);
        if (settings.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.MaxAttempts, "MaxAttempts must be at least 1.");
        }

        Settings = settings;
        this.time = time;
        this.status = status;
        this.retryAfter = retryAfter;

        // Polly counts retries, not attempts, and wants at least one: a single attempt needs no strategy at all.
        pipeline = settings.MaxAttempts == 1
            ? ResiliencePipeline<T>.Empty
            : new ResiliencePipelineBuilder<T> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<T>
                {
                    MaxRetryAttempts = settings.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Constant,
                    Delay = TimeSpan.Zero,
                    UseJitter = false,
                    ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is null && args.Outcome.Result is { } response && IsTransient(response)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(DelayFor(args.Outcome.Result!, args.AttemptNumber + 1)),
                    OnRetry = OnRetry,
                })
                .Build();
    }

    /// <summary>The settings the pipeline was built with.</summary>
    public GraphRetrySettings Settings { get; }

    /// <summary>Whether <paramref name="response"/> is worth another attempt (429, 503, 504).</summary>
    /// <param name="response">The response.</param>
    public bool IsTransient(T response) => GraphRetryDelay.IsTransient(status(response));

    /// <summary>The wait after <paramref name="response"/> ended attempt <paramref name="attempt"/> (from 1), measured now on the injected clock.</summary>
    /// <param name="response">The transient response.</param>
    /// <param name="attempt">The attempt that got it, counting from 1.</param>
    public TimeSpan DelayFor(T response, int attempt) => GraphRetryDelay.Compute(retryAfter(response), attempt, Settings, time.GetUtcNow());

    /// <summary>
    /// Sends with retries and returns the last answer. Throws what <paramref name="send"/> throws (never retried) and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled, during a wait too.
    /// </summary>
    /// <param name="url">The request's URL or path: decides whether it has a throttling limit of its own (<see cref="GraphRetryDelay.HasOwnThrottleBucket"/>).</param>
    /// <param name="send">One attempt.</param>
    /// <param name="onRetry">Told of every retry before its wait; optional.</param>
    /// <param name="cancellationToken">Cancels the attempts and the waits.</param>
    public async Task<GraphRetryOutcome<T>> ExecuteAsync(string url, Func<CancellationToken, ValueTask<T>> send, Action<GraphRetryEvent<T>>? onRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var call = new Call(send, onRetry, GraphRetryDelay.HasOwnThrottleBucket(url));
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(CallKey, call);
            var response = await pipeline.ExecuteAsync(static (context, call) => call.SendAsync(context.CancellationToken), context, call).ConfigureAwait(false);
            return new GraphRetryOutcome<T>(response, call.Attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ValueTask OnRetry(OnRetryArguments<T> args)
    {
        if (args.Context.Properties.TryGetValue(CallKey, out var call) && call.OnRetry is { } notify && args.Outcome.Result is { } response)
        {
            int code = status(response);
            notify(new GraphRetryEvent<T>(response, code, args.AttemptNumber + 1, args.RetryDelay, code == 429 && !call.OwnThrottleBucket));
        }

        return default;
    }

    /// <summary>One call's attempt, observer and attempt count.</summary>
    private sealed class Call(Func<CancellationToken, ValueTask<T>> send, Action<GraphRetryEvent<T>>? onRetry, bool ownThrottleBucket)
    {
        private int attempts;

        public Action<GraphRetryEvent<T>>? OnRetry { get; } = onRetry;

        public bool OwnThrottleBucket { get; } = ownThrottleBucket;

        public int Attempts => Volatile.Read(ref attempts);

        public ValueTask<T> SendAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref attempts);
            return send(cancellationToken);
        }
    }
}
