
namespace CodeTwo.AuthDiagnostics.Testing;

/// <summary>A fault the <see cref="InMemoryTenant"/> injects into matching requests.</summary>
/// <remarks>A class, not a record: it holds a delegate, which a value comparison would compare by reference.</remarks>
public sealed class InMemoryTenantFault
{
    /// <summary>Creates a fault.</summary>
    /// <param name="matches">Which requests it applies to.</param>
    /// <param name="statusCode">The status to answer with.</param>
    /// <param name="times">How many matching requests it hits (then it is spent); <see langword="null"/> for all.</param>
    /// <param name="retryAfterSeconds">A <c>Retry-After</c> header to send, if any.</param>
    /// <param name="errorCode">The Graph error code in the body.</param>
    /// <param name="message">The Graph error message in the body.</param>
    public InMemoryTenantFault(Func<GraphRequest, bool> matches, int statusCode, int? times = null, int? retryAfterSeconds = null, string? errorCode = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(matches);
        Matches = matches;
        StatusCode = statusCode;
        Times = times;
        RetryAfterSeconds = retryAfterSeconds;
        ErrorCode = errorCode;
        Message = message;
    }

    /// <summary>Which requests it applies to.</summary>
    public Func<GraphRequest, bool> Matches { get; }

    /// <summary>The status to answer with.</summary>
    public int StatusCode { get; }

    /// <summary>How many matching requests it hits (then it is spent); <see langword="null"/> for all.</summary>
    public int? Times { get; }

    /// <summary>A <c>Retry-After</c> header to send, if any.</summary>
    public int? RetryAfterSeconds { get; }

    /// <summary>The Graph error code in the body.</summary>
    public string? ErrorCode { get; }

    /// <summary>The Graph error message in the body.</summary>
    public string? Message { get; }
}
