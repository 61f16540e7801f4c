using System.Text.Json;
using CodeTwo.AuthDiagnostics.Execution;

namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>One answer from Graph (a direct response or one inner response of a batch), or a synthetic one for a timeout or transport error.</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Set for answers that did not come from Graph: the client gave up waiting, or the request never got through.</summary>
    public string? SyntheticCode { get; init; }

    /// <summary>The message of a synthetic answer.</summary>
    public string? SyntheticMessage { get; init; }

    /// <summary>Worth another attempt: throttled, unavailable or gateway timeout (synthetic failures are 503 or 504), as the shared retry policy decides.</summary>
    public bool IsTransient => GraphRetryDelay.IsTransient(Status);

    public static RawResponse TimedOut(TimeSpan timeout) => new(504, NoHeaders, ReadOnlyMemory<byte>.Empty)
    {
        SyntheticCode = "Timeout",
        SyntheticMessage = $"Graph did not answer within {timeout.TotalSeconds:0.###} s (MicrosoftGraphOptions.RequestTimeout).",
    };

    public static RawResponse TransportFailed(string message) => new(503, NoHeaders, ReadOnlyMemory<byte>.Empty)
    {
        SyntheticCode = "TransportError",
        SyntheticMessage = "The request did not reach Graph: " + message,
    };

    public static RawResponse MissingFromBatch() => new(503, NoHeaders, ReadOnlyMemory<byte>.Empty)
    {
        SyntheticCode = "MissingFromBatch",
        SyntheticMessage = "The $batch response had no answer for this request.",
    };

    public static RawResponse Of(int status, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string>? headers = null) => new(status, headers ?? NoHeaders, body);

    /// <summary>Graph's error code and message from an <c>{"error":{"code","message"}}</c> body, or the synthetic ones.</summary>
    public (string? Code, string? Message) Error()
    {
        if (SyntheticCode is not null)
        {
            return (SyntheticCode, SyntheticMessage);
        }

        try
        {
            using var document = JsonDocument.Parse(Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                string? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                string? message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (code, message);
            }
        }
        catch (JsonException)
        {
            // Not a Graph error body; fall through.
        }

        return (null, $"HTTP {Status} without a Graph error body.");
    }
}
