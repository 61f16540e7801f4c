using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>
/// The state of one capture (counters, clock, progress) and the reads it is made of: objects, collections followed to
/// their last page, and the translation of Graph's answers into sections (captured, failed, not captured).
/// </summary>
internal sealed class CaptureRun
{
    private readonly GraphTransport transport;
    private readonly IProgress<CaptureProgress>? progress;
    private int usersCaptured;

    public CaptureRun(GraphTransport transport, IProgress<CaptureProgress>? progress)
    {
        this.transport = transport;
        this.progress = progress;
        StartedAt = transport.Time.GetUtcNow();
    }

    public CaptureCounters Counters { get; } = new();

    public DateTimeOffset StartedAt { get; }

    public TimeSpan Elapsed => transport.Time.GetUtcNow() - StartedAt;

    public int? UsersTotal { get; set; }

    public int UsersCaptured => Volatile.Read(ref usersCaptured);

    public void AddCaptured(int count) => Interlocked.Add(ref usersCaptured, count);

    public void Report(CapturePhase phase)
    {
        if (progress is null)
        {
            return;
        }

        var elapsed = Elapsed;
        int done = UsersCaptured;
        TimeSpan? remaining = phase == CapturePhase.Completed
            ? TimeSpan.Zero
            : UsersTotal is { } total && done > 0 && total >= done
                ? TimeSpan.FromTicks((long)(elapsed.Ticks * ((double)(total - done) / done)))
                : null;
        progress.Report(new CaptureProgress(phase, done, UsersTotal, elapsed, remaining, Counters.Requests, Counters.Retries));
    }

    public Task<RawResponse> GetAsync(Uri url, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null) =>
        transport.SendAsync("GET", url, null, headers, Counters, cancellationToken);

    /// <summary>Reads an object section.</summary>
    public async Task<SectionResult> ReadObjectAsync(string section, Uri url, CancellationToken cancellationToken) =>
        ObjectSection(section, await GetAsync(url, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads a collection section, all pages.</summary>
    public async Task<SectionResult> ReadCollectionAsync(string section, Uri url, CancellationToken cancellationToken)
    {
        var first = await GetAsync(url, cancellationToken).ConfigureAwait(false);
        return await CollectionSectionAsync(section, first, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The section an object response makes.</summary>
    public static SectionResult ObjectSection(string section, RawResponse response)
    {
        if (!response.IsSuccess)
        {
            return SectionResult.Failed(section, response);
        }

        return ParseObject(response.Body) is { } value
            ? SectionResult.Captured(value)
            : SectionResult.Failed(section, response.Status, "InvalidResponse", "Graph answered with something other than a JSON object.");
    }

    /// <summary>
    /// The section a collection's first page makes, with every further page read by following <c>@odata.nextLink</c>
    /// whole (it may carry a skip token, a <c>$top</c> or anything else the server chose).
    /// </summary>
    public async Task<SectionResult> CollectionSectionAsync(string section, RawResponse first, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        var response = first;
        while (true)
        {
            if (!response.IsSuccess)
            {
                return SectionResult.Failed(section, response);
            }

            if (!TryReadPage(response.Body, items, out string? nextLink))
            {
                return SectionResult.Failed(section, response.Status, "InvalidResponse", "Graph answered with something other than a collection (an object with a value array).");
            }

            if (nextLink is null)
            {
                return SectionResult.Captured(items);
            }

            if (!transport.Endpoints.TryRebase(nextLink, out var next))
            {
                return SectionResult.Failed(section, 502, "UnexpectedNextLink", "Graph's @odata.nextLink points outside the Graph endpoint in use; it was not followed (the access token is only sent to Graph).");
            }

            response = await GetAsync(next, cancellationToken).ConfigureAwait(false);
        }
    }

    public static JsonElement? ParseObject(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Adds the page's <c>value</c> items; false when the body is not a collection page.</summary>
    public static bool TryReadPage(ReadOnlyMemory<byte> body, List<JsonElement> items, out string? nextLink)
    {
        nextLink = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var item in value.EnumerateArray())
            {
                items.Add(item.Clone());
            }

            if (root.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String)
            {
                nextLink = link.GetString();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
