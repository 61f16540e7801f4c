using CodeTwo.AuthDiagnostics.Snapshots.Exchange;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// What the diagnosis needs to know about a tenant and some of its users, at one moment: the typed view of a
/// snapshot document (format v1, see <c>docs/snapshot-format.md</c>). Immutable and safe to share across threads.
/// </summary>
/// <example>
/// <code>
/// TenantSnapshot snapshot = await TenantSnapshot.LoadAsync("tenant.json", cancellationToken);
/// Diagnosis diagnosis = diagnostics.Diagnose(snapshot, UserRef.Parse("backup@contoso.com"));
/// </code>
/// </example>
/// <remarks>
/// A class, not a record: two snapshots are the same capture only when they are the same instance (a value comparison
/// of whole tenants would be costly and, over lists, misleading). The typed sections are internal to the library;
/// hosts read a snapshot through a diagnosis, see what it holds through <see cref="Contents"/> and write it with
/// <see cref="SnapshotWriter"/>.
/// </remarks>
public sealed class TenantSnapshot
{
    /// <summary>The only schema version this library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    private readonly IReadOnlyList<UserEntry> users = [];
    private Dictionary<string, UserEntry>? byKey;
    private SnapshotContents? contents;

    /// <summary>Made by the reader (<see cref="LoadAsync"/>, <see cref="ReadAsync"/>, <see cref="Parse(string)"/>) and by the library's copies: never empty by accident.</summary>
    internal TenantSnapshot()
    {
    }

    /// <summary>The schema version of the document (always <see cref="CurrentSchemaVersion"/> once read).</summary>
    public int SchemaVersion { get; internal init; } = CurrentSchemaVersion;

    /// <summary>When the snapshot was captured.</summary>
    public DateTimeOffset CapturedAt { get; internal init; }

    /// <summary>The tenant id.</summary>
    public Guid TenantId { get; internal init; }

    /// <summary>The Microsoft cloud of the tenant.</summary>
    public CloudEnvironment Cloud { get; internal init; }

    /// <summary>
    /// What the snapshot holds, in the document's terms: every section with its status (and, when failed, Graph's
    /// answer and the permissions it needs), the captured users and the missing ones.
    /// </summary>
    public SnapshotContents Contents => contents ??= new SnapshotContents(this);

    /// <summary>The tenant-wide sections.</summary>
    internal TenantSections Sections { get; init; } = TenantSections.NotCaptured;

    /// <summary>The users, in document order.</summary>
    internal IReadOnlyList<UserEntry> Users
    {
        get => users;
        init
        {
            users = value;
            byKey = null;
        }
    }

    /// <summary>Users that were asked for but do not exist in the tenant (UPNs or ids, as asked).</summary>
    internal IReadOnlyList<string> MissingUsers { get; init; } = [];

    /// <summary>
    /// Finds a user by object id or user principal name (case-insensitive); <see langword="null"/> when the snapshot
    /// holds no such user. Constant time after the first call.
    /// </summary>
    /// <param name="idOrUserPrincipalName">An object id or a user principal name.</param>
    internal UserEntry? FindUser(string idOrUserPrincipalName)
    {
        ArgumentNullException.ThrowIfNull(idOrUserPrincipalName);
        var index = byKey;
        if (index is null)
        {
            index = new Dictionary<string, UserEntry>(users.Count * 2, StringComparer.OrdinalIgnoreCase);
            foreach (var entry in users)
            {
                index.TryAdd(entry.User.Id, entry);
                index.TryAdd(entry.User.UserPrincipalName, entry);
            }

            // Benign race: two threads may build equal indexes; either one wins.
            byKey = index;
        }

        return index.TryGetValue(idOrUserPrincipalName.Trim(), out var found) ? found : null;
    }

    /// <summary>
    /// A copy of this snapshot whose <c>exchangeOnline</c> section is captured with the settings in
    /// <paramref name="json"/> (the document the read-only Exchange Online script writes, see
    /// <c>docs/snapshot-format.md</c>), replacing whatever that section held. Everything else is unchanged.
    /// </summary>
    /// <param name="json">The Exchange Online settings document.</param>
    /// <exception cref="SnapshotFormatException">The document is not valid Exchange Online settings; its errors name the JSON path.</exception>
    /// <example>
    /// <code>
    /// TenantSnapshot snapshot = (await TenantSnapshot.LoadAsync("tenant.json"))
    ///     .WithExchangeOnline(await File.ReadAllTextAsync("exchange-online.json"));
    /// </code>
    /// </example>
    public TenantSnapshot WithExchangeOnline(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return WithExchangeOnline(new SnapshotReader().ReadExchangeOnlineSettings(json));
    }

    /// <summary>A copy with the <c>exchangeOnline</c> section captured with <paramref name="settings"/>.</summary>
    internal TenantSnapshot WithExchangeOnline(ExchangeOnlineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Json.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw new ArgumentException("The Exchange Online settings have no JSON payload; read them with SnapshotReader.ReadExchangeOnlineSettings.", nameof(settings));
        }

        return With(sections: Sections with { ExchangeOnline = Section.Captured(settings) });
    }

    /// <summary>A copy with some members replaced (the non-destructive mutation the library's simulations need).</summary>
    internal TenantSnapshot With(TenantSections? sections = null, IReadOnlyList<UserEntry>? users = null, IReadOnlyList<string>? missingUsers = null, DateTimeOffset? capturedAt = null) => new()
    {
        SchemaVersion = SchemaVersion,
        CapturedAt = capturedAt ?? CapturedAt,
        TenantId = TenantId,
        Cloud = Cloud,
        Sections = sections ?? Sections,
        Users = users ?? Users,
        MissingUsers = missingUsers ?? MissingUsers,
    };

    /// <summary>Reads a snapshot from a JSON string.</summary>
    /// <param name="json">The snapshot document.</param>
    /// <exception cref="SnapshotFormatException">The document is not a valid snapshot; <see cref="SnapshotFormatException.Errors"/> says what and where.</exception>
    public static TenantSnapshot Parse(string json) => new SnapshotReader().Read(json);

    /// <summary>Reads a snapshot from UTF-8 JSON bytes (a leading byte-order mark is allowed; the bytes are copied).</summary>
    /// <param name="utf8Json">The snapshot document.</param>
    /// <exception cref="SnapshotFormatException">The document is not a valid snapshot; <see cref="SnapshotFormatException.Errors"/> says what and where.</exception>
    public static TenantSnapshot Parse(ReadOnlySpan<byte> utf8Json) => new SnapshotReader().Read(utf8Json.ToArray());

    /// <summary>Reads a snapshot from a stream of UTF-8 JSON (read to its end; not closed).</summary>
    /// <param name="utf8Json">The snapshot document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="SnapshotFormatException">The document is not a valid snapshot; <see cref="SnapshotFormatException.Errors"/> says what and where.</exception>
    public static Task<TenantSnapshot> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default) => new SnapshotReader().ReadAsync(utf8Json, cancellationToken);

    /// <summary>Reads a snapshot file.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="SnapshotFormatException">The file is missing, unreadable or not a valid snapshot.</exception>
    public static Task<TenantSnapshot> LoadAsync(string path, CancellationToken cancellationToken = default) => new SnapshotReader().ReadFileAsync(path, cancellationToken);
}
