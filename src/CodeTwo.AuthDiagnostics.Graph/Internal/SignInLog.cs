using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Graph.Internal;

/// <summary>
/// Reads the legacy-protocol sign-ins of the 7 days before a capture from <c>GET /beta/auditLogs/signIns</c> (catalog
/// v1.2 §1): <c>$filter</c> on <c>createdDateTime</c>, the legacy <c>clientAppUsed</c> values and both interactive and
/// non-interactive event types (and <c>userId</c> for one user), <c>$top=1000</c>, every <c>@odata.nextLink</c> followed,
/// <c>Prefer: include-unknown-enum-members</c> on every page (headers are not carried to next pages). The answers are
/// kept as Graph sent them. A read that fails (after the transport's retries, which honour <c>Retry-After</c>) fails the
/// <c>signIns</c> section of every user it was for; the capture goes on.
/// </summary>
internal static class SignInLog
{
    /// <summary>Sign-ins kept per user (the newest).</summary>
    public const int MaxPerUser = 50;

    /// <summary>The largest page the sign-in log serves.</summary>
    public const int PageSize = 1000;

    /// <summary>How far back the capture reads (the retention of a tenant without Entra ID P1/P2 is 7 days too).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>Graph's error code for a tenant without Entra ID P1/P2 (or a B2C tenant), matched instead of the message.</summary>
    public const string NonPremiumTenant = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

    /// <summary>The legacy clients (catalog v1.2 §1's table); Graph compares them case-insensitively, and so does the capture.</summary>
    public static readonly IReadOnlyList<string> LegacyClients =
    [
        "Authenticated SMTP",
        "IMAP4",
        "POP3",
        "Exchange ActiveSync",
        "Exchange Web Services",
        "Exchange Online PowerShell",
        "MAPI over HTTP",
        "Outlook Anywhere (RPC over HTTP)",
        "Offline Address Book",
        "Autodiscover",
        "Other clients",
    ];

    private static readonly HashSet<string> LegacyClientSet = new(LegacyClients, StringComparer.OrdinalIgnoreCase);

    private static readonly IReadOnlyDictionary<string, string> Headers =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Prefer"] = "include-unknown-enum-members" };

    /// <summary>The first page's URL: the legacy sign-ins between <paramref name="capturedAt"/> − 7 days and <paramref name="capturedAt"/>, of one user or of everyone.</summary>
    public static Uri Url(GraphEndpoints endpoints, DateTimeOffset capturedAt, string? userId)
    {
        var filter = new StringBuilder();
        filter.Append("createdDateTime ge ").Append(Instant(capturedAt - Window))
            .Append(" and createdDateTime le ").Append(Instant(capturedAt))
            .Append(" and (")
            .AppendJoin(" or ", LegacyClients.Select(c => "clientAppUsed eq '" + c + "'"))
            .Append(") and signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')");
        if (userId is not null)
        {
            filter.Append(" and userId eq '").Append(userId.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
        }

        return endpoints.Url("beta", "/auditLogs/signIns?$filter=" + Uri.EscapeDataString(filter.ToString()) + "&$top=" + PageSize.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>One user's sign-ins (<c>userId eq</c>): pages until 50 are kept or the log ends.</summary>
    public static async Task<SectionResult> ReadUserAsync(CaptureRun run, GraphEndpoints endpoints, string userId, DateTimeOffset capturedAt, CancellationToken cancellationToken)
    {
        var log = new Distribution(id => string.Equals(id, userId, StringComparison.OrdinalIgnoreCase));
        await log.ReadAsync(run, endpoints, Url(endpoints, capturedAt, userId), capturedAt, stopWhenFull: true, cancellationToken).ConfigureAwait(false);
        return log.Take(userId);
    }

    /// <summary>
    /// The log read once for many users (every user, or those <paramref name="wanted"/> accepts), all pages, each
    /// sign-in given to its <c>userId</c>; at most <see cref="MaxPerUser"/> kept per user.
    /// </summary>
    public static async Task<Distribution> ReadAllAsync(CaptureRun run, GraphEndpoints endpoints, DateTimeOffset capturedAt, Func<string, bool>? wanted, CancellationToken cancellationToken)
    {
        var log = new Distribution(wanted);
        await log.ReadAsync(run, endpoints, Url(endpoints, capturedAt, null), capturedAt, stopWhenFull: false, cancellationToken).ConfigureAwait(false);
        return log;
    }

    private static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The sign-ins read, by user: each user's newest <see cref="MaxPerUser"/> as their UTF-8 JSON (about a tenth of a
    /// parsed document's memory), handed over and forgotten by <see cref="Take"/> as users are written. Thread-safe.
    /// </summary>
    internal sealed class Distribution(Func<string, bool>? wanted)
    {
        private readonly object gate = new();
        private readonly Dictionary<string, List<Entry>> byUser = new(StringComparer.OrdinalIgnoreCase);
        private SectionResult? failure;

        /// <summary>Pages read.</summary>
        public int Pages { get; private set; }

        /// <summary>Legacy sign-ins read (kept or not).</summary>
        public int SignIns { get; private set; }

        /// <summary>Why the log could not be read, or <see langword="null"/>.</summary>
        public SectionResult? Failure => failure;

        /// <summary>
        /// The user's <c>signIns</c> section: their sign-ins, newest first (an empty array when the log has none), or
        /// the log's failure. Their sign-ins are forgotten: each user is taken once.
        /// </summary>
        public SectionResult Take(string userId)
        {
            if (failure is not null)
            {
                return failure.Copy();
            }

            List<Entry>? entries;
            lock (gate)
            {
                byUser.Remove(userId, out entries);
            }

            return SectionResult.CapturedRaw(entries is null
                ? []
                : entries.Select((e, i) => (e, i)).OrderByDescending(p => p.e.CreatedAt).ThenBy(p => p.i).Select(p => (ReadOnlyMemory<byte>)p.e.Json).ToArray());
        }

        public async Task ReadAsync(CaptureRun run, GraphEndpoints endpoints, Uri first, DateTimeOffset capturedAt, bool stopWhenFull, CancellationToken cancellationToken)
        {
            var from = capturedAt - Window;
            var url = first;
            while (true)
            {
                var response = await run.GetAsync(url, cancellationToken, Headers).ConfigureAwait(false);
                if (!response.IsSuccess)
                {
                    failure = SectionResult.Failed(SectionNames.SignIns, response);
                    return;
                }

                string? nextLink;
                bool full;
                try
                {
                    (nextLink, full) = ReadPage(response.Body, from, capturedAt);
                }
                catch (JsonException)
                {
                    failure = SectionResult.Failed(SectionNames.SignIns, response.Status, "InvalidResponse", "Graph answered with something other than a collection (an object with a value array).");
                    return;
                }

                if (nextLink is null || (stopWhenFull && full))
                {
                    return;
                }

                if (!endpoints.TryRebase(nextLink, out url))
                {
                    failure = SectionResult.Failed(SectionNames.SignIns, 502, "UnexpectedNextLink", "Graph's @odata.nextLink points outside the Graph endpoint in use; it was not followed (the access token is only sent to Graph).");
                    return;
                }
            }
        }

        /// <summary>Adds a page's legacy sign-ins; returns its next link and whether every user seen so far has 50.</summary>
        private (string? NextLink, bool Full) ReadPage(ReadOnlyMemory<byte> body, DateTimeOffset from, DateTimeOffset to)
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException("Not a collection page.");
            }

            lock (gate)
            {
                Pages++;
                foreach (var item in value.EnumerateArray())
                {
                    Add(item, from, to);
                }

                string? next = root.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
                return (next, byUser.Count > 0 && byUser.Values.All(list => list.Count >= MaxPerUser));
            }
        }

        /// <summary>
        /// Keeps the sign-in when it is a legacy one of the window (Graph filtered already; a proxy or a changed API must
        /// not put others in the snapshot) and among its user's newest 50. The log comes newest first, so once a user has
        /// 50 the rest are older and dropped at once; the comparison keeps it right in any order.
        /// </summary>
        private void Add(JsonElement item, DateTimeOffset from, DateTimeOffset to)
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("userId", out var user) || user.ValueKind != JsonValueKind.String || user.GetString() is not { Length: > 0 } userId
                || !item.TryGetProperty("clientAppUsed", out var client) || client.ValueKind != JsonValueKind.String || !LegacyClientSet.Contains(client.GetString()!)
                || !item.TryGetProperty("createdDateTime", out var created) || created.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt)
                || createdAt < from || createdAt > to)
            {
                return;
            }

            SignIns++;
            if (wanted is not null && !wanted(userId))
            {
                return;
            }

            if (!byUser.TryGetValue(userId, out var entries))
            {
                entries = [];
                byUser[userId] = entries;
            }

            if (entries.Count < MaxPerUser)
            {
                entries.Add(new Entry(createdAt, Encoding.UTF8.GetBytes(item.GetRawText())));
                return;
            }

            int oldest = 0;
            for (int i = 1; i < entries.Count; i++)
            {
                if (entries[i].CreatedAt < entries[oldest].CreatedAt)
                {
                    oldest = i;
                }
            }

            if (createdAt > entries[oldest].CreatedAt)
            {
                entries.RemoveAt(oldest);
                entries.Add(new Entry(createdAt, Encoding.UTF8.GetBytes(item.GetRawText())));
            }
        }

        private readonly record struct Entry(DateTimeOffset CreatedAt, byte[] Json);
    }
}
