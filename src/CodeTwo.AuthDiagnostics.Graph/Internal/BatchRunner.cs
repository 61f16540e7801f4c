using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Execution;
using Microsoft.Extensions.Logging;

namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>
/// One request sent inside a JSON batch: its version (<c>v1.0</c> or <c>beta</c>, chosen by the batch endpoint), relative
/// URL and, for a POST, its JSON body (sent with its own <c>Content-Type: application/json</c>, as batching requires).
/// </summary>
internal sealed class BatchItem(string version, string relativeUrl, JsonElement? body = null)
{
    public string Version { get; } = version;

    public string RelativeUrl { get; } = relativeUrl;

    /// <summary>The JSON body of a POST; <see langword="null"/> for a GET.</summary>
    public JsonElement? Body { get; } = body;

    public string Method => Body is null ? "GET" : "POST";

    public RawResponse? Response { get; set; }

    public int Attempts { get; set; }
}

/// <summary>
/// Sends GETs (and POSTs with JSON bodies, such as What-If evaluations) through JSON batching: at most 20 per <c>$batch</c>, beta URLs through <c>/beta/$batch</c>, all batches of a
/// round in parallel (within the transport's concurrency bound), answers correlated by id (they may come in any order).
/// Inner 429/503/504 answers are sent again in a later round after the longest wait the shared retry policy gives
/// them (<see cref="GraphRetryPipeline.DelayFor"/>: <c>Retry-After</c> or the back-off, capped), until its
/// <see cref="GraphRetryPipeline.MaxAttempts"/>. The rounds are not a Polly pipeline: a pipeline retries one
/// operation, while a round re-sends only the throttled subset of up to twenty independent requests per
/// <c>$batch</c>, regrouped into new batches; the settings and the delay function are the same.
/// </summary>
internal sealed partial class BatchRunner(GraphTransport transport)
{
    public const int MaxBatchSize = 20;

    private readonly ILogger logger = transport.Logger;

    public async Task RunAsync(IReadOnlyList<BatchItem> items, CaptureCounters counters, CancellationToken cancellationToken)
    {
        var pending = items.ToList();
        int round = 0;
        while (pending.Count > 0)
        {
            round++;
            var batches = pending.GroupBy(i => i.Version, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatchSize)).ToArray();
            await Task.WhenAll(batches.Select(b => SendBatchAsync(b, counters, cancellationToken))).ConfigureAwait(false);

            var policy = transport.Retry;
            var retry = pending.Where(i => i.Response!.IsTransient && i.Attempts < policy.MaxAttempts).ToList();
            if (retry.Count == 0)
            {
                return;
            }

            var delay = retry.Max(i => policy.DelayFor(i.Response!, i.Attempts));
            if (retry.Any(i => i.Response!.Status == 429 && !GraphRetryDelay.HasOwnThrottleBucket(i.RelativeUrl)))
            {
                transport.Pause(delay);
            }

            foreach (var _ in retry)
            {
                counters.Retry();
            }

            LogBatchRetry(retry.Count, round, delay.TotalSeconds);
            await Task.Delay(delay, transport.Time, cancellationToken).ConfigureAwait(false);
            pending = retry;
        }
    }

    private async Task SendBatchAsync(BatchItem[] batch, CaptureCounters counters, CancellationToken cancellationToken)
    {
        var response = await transport.SendAsync("POST", transport.Endpoints.Batch(batch[0].Version), Body(batch), null, counters, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            // The batch as a whole failed (after the transport's own retries): every request in it gets that answer.
            foreach (var item in batch)
            {
                item.Response = response;
                item.Attempts = transport.Retry.MaxAttempts;
            }

            return;
        }

        foreach (var item in batch)
        {
            item.Attempts++;
            item.Response = null;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("responses", out var responses)
                && responses.ValueKind == JsonValueKind.Array)
            {
                foreach (var inner in responses.EnumerateArray())
                {
                    if (Correlate(inner, batch) is { } item)
                    {
                        item.Response = Inner(inner);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Treated below as answers missing from the batch.
        }

        foreach (var item in batch)
        {
            item.Response ??= RawResponse.MissingFromBatch();
        }
    }

    private static BatchItem? Correlate(JsonElement inner, BatchItem[] batch)
    {
        if (inner.ValueKind == JsonValueKind.Object
            && inner.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String
            && int.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && index >= 0 && index < batch.Length)
        {
            return batch[index];
        }

        return null;
    }

    private static RawResponse Inner(JsonElement inner)
    {
        int status = inner.TryGetProperty("status", out var s) && s.TryGetInt32(out int value) ? value : 502;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (inner.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in h.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
            }
        }

        ReadOnlyMemory<byte> body = ReadOnlyMemory<byte>.Empty;
        if (inner.TryGetProperty("body", out var b))
        {
            body = b.ValueKind switch
            {
                JsonValueKind.Object or JsonValueKind.Array => Encoding.UTF8.GetBytes(b.GetRawText()),

                // Batched requests answer JSON; a string body is kept as its text.
                JsonValueKind.String => Encoding.UTF8.GetBytes(b.GetString()!),
                _ => ReadOnlyMemory<byte>.Empty,
            };
        }

        return RawResponse.Of(status, body, headers);
    }

    private static ReadOnlyMemory<byte> Body(BatchItem[] batch)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * batch.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("requests");
            for (int i = 0; i < batch.Length; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", i.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("method", batch[i].Method);
                writer.WriteString("url", batch[i].RelativeUrl);
                if (batch[i].Body is { } body)
                {
                    writer.WriteStartObject("headers");
                    writer.WriteString("Content-Type", "application/json");
                    writer.WriteEndObject();
                    writer.WritePropertyName("body");
                    body.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "{Count} batched requests were throttled or unavailable in round {Round}; sending them again in {Seconds} s")]
    private partial void LogBatchRetry(int count, int round, double seconds);
}
