namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>What Graph answered to one request.</summary>
/// <remarks>A class, not a record: it holds a header dictionary, which a value comparison would compare by reference.</remarks>
public sealed class GraphResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">Response headers (case-insensitive names), for example <c>Retry-After</c>.</param>
    /// <param name="body">The response body, or <see langword="null"/>.</param>
    public GraphResponse(int statusCode, IReadOnlyDictionary<string, string> headers, string? body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>Response headers (case-insensitive names), for example <c>Retry-After</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The response body, or <see langword="null"/>.</summary>
    public string? Body { get; }

    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>A response with no headers.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="body">The body.</param>
    public static GraphResponse Of(int statusCode, string? body = null) =>
        new(statusCode, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), body);
}
