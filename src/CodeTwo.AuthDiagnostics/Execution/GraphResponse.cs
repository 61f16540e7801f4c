namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>What Graph answered to one request.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Headers">Response headers (case-insensitive names), for example <c>Retry-After</c>.</param>
/// <param name="Body">The response body, or <see langword="null"/>.</param>
public sealed record GraphResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>A response with no headers.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="body">The body.</param>
    public static GraphResponse Of(int statusCode, string? body = null) =>
        new(statusCode, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), body);
}
