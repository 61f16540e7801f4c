using System.Globalization;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>
/// The retry arithmetic of every Microsoft Graph call, capture and plan alike: which answers are worth another attempt,
/// how long to wait before it (<c>Retry-After</c>, else an exponential back-off, never above the maximum), and which
/// requests have a throttling limit of their own. The core's plan runner and the Graph package's capture both use it, so
/// both read <c>Retry-After</c> the same way; a host that sends Graph requests of its own (an <see cref="IGraphExecutor"/>
/// of its own, say) can follow the same policy. Reads no clock: the caller passes the injected clock's now.
/// </summary>
/// <example>
/// <code>
/// if (GraphRetryDelay.IsTransient(status) &amp;&amp; attempt &lt; maxAttempts)
/// {
///     TimeSpan wait = GraphRetryDelay.Compute(retryAfterHeader, attempt, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), time.GetUtcNow());
///     await Task.Delay(wait, time, cancellationToken);
/// }
/// </code>
/// </example>
public static class GraphRetryDelay
{
    /// <summary>Seconds beyond this are read as this (TimeSpan's range, with room to spare); the maximum delay bounds them anyway.</summary>
    private static readonly double MaxSeconds = TimeSpan.MaxValue.TotalSeconds / 2;

    /// <summary>The HTTP-date forms a recipient must accept (RFC 9110 §5.6.7): IMF-fixdate, then the obsolete RFC 850 and asctime forms.</summary>
    private static readonly string[] HttpDateFormats = ["r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy"];

    /// <summary>Throttled (429), unavailable (503) or gateway timeout (504): worth another attempt.</summary>
    /// <param name="status">The HTTP status (synthetic answers for timeouts and transport failures use 504 and 503).</param>
    public static bool IsTransient(int status) => status is 429 or 503 or 504;

    /// <summary>
    /// Whether the request has a throttling limit of its own: the Conditional Access API (<c>/identity/conditionalAccess/</c>)
    /// allows one request per second per tenant and sends no <c>Retry-After</c>, so its 429 is waited out with the
    /// back-off and does not pause the tenant's other requests.
    /// </summary>
    /// <param name="url">An absolute URL or a path, with or without a query.</param>
    public static bool HasOwnThrottleBucket(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string path = Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.AbsolutePath : url;
        int query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        return path.Contains("/identity/conditionalAccess/", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/identity/conditionalAccess", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The exponential back-off before the attempt after <paramref name="attempt"/>: <paramref name="initial"/>, doubling
    /// with every attempt (1, 2, 4, 8… times), never above <paramref name="max"/>.
    /// </summary>
    /// <param name="attempt">The attempt that failed, counting from 1.</param>
    /// <param name="initial">The first wait.</param>
    /// <param name="max">The longest wait.</param>
    internal static TimeSpan Backoff(int attempt, TimeSpan initial, TimeSpan max)
    {
        double ticks = initial.Ticks * Math.Pow(2, Math.Clamp(attempt - 1, 0, 62));
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// Reads a <c>Retry-After</c> value: delay-seconds (an integer, or a decimal such as <c>1.5</c>) or an HTTP date,
    /// measured from <paramref name="now"/> (the injected clock's time, never the wall clock). Anything else, a negative
    /// number included, gives <see langword="null"/>. A date already past gives a negative delay.
    /// </summary>
    /// <param name="value">The header value, or <see langword="null"/> when there is none.</param>
    /// <param name="now">The injected clock's current time.</param>
    internal static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string text = value.Trim();
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, MaxSeconds));
        }

        if (DateTimeOffset.TryParseExact(text, HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var date))
        {
            return date - now;
        }

        return null;
    }

    /// <summary>
    /// The wait before the attempt after <paramref name="attempt"/>: <c>Retry-After</c> when it can be read (delay-seconds,
    /// decimals included, or an HTTP date measured from <paramref name="now"/>), else the exponential back-off from
    /// <paramref name="initialDelay"/> (doubling with every attempt); never negative (a date already past means at once),
    /// never above <paramref name="maxDelay"/>.
    /// </summary>
    /// <param name="retryAfter">The <c>Retry-After</c> header value, or <see langword="null"/>.</param>
    /// <param name="attempt">The attempt that failed, counting from 1.</param>
    /// <param name="initialDelay">The first back-off when no <c>Retry-After</c> can be read.</param>
    /// <param name="maxDelay">The longest single wait, whatever <c>Retry-After</c> says.</param>
    /// <param name="now">The injected clock's current time (never the wall clock).</param>
    public static TimeSpan Compute(string? retryAfter, int attempt, TimeSpan initialDelay, TimeSpan maxDelay, DateTimeOffset now)
    {
        var delay = ParseRetryAfter(retryAfter, now) ?? Backoff(attempt, initialDelay, maxDelay);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > maxDelay ? maxDelay : delay;
    }

    /// <summary>The wait before the attempt after <paramref name="attempt"/>, with the delays of <paramref name="settings"/>.</summary>
    internal static TimeSpan Compute(string? retryAfter, int attempt, Resilience.GraphRetrySettings settings, DateTimeOffset now) =>
        Compute(retryAfter, attempt, settings.InitialDelay, settings.MaxDelay, now);
}
