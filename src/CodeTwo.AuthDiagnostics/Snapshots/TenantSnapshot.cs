using CodeTwo.AuthDiagnostics.Snapshots.Exchange;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;

namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>
/// What the diagnosis needs to know about a tenant and some of its users, at one moment: the typed view of a
/// snapshot document (format v1, see <c>docs/snapshot-format.md</c>). Immutable and safe to share across threads.
/// </summary>
/// <example>
/// <code>
/// TenantSnapshot snapshot = await TenantSnapshot.LoadAsync("tenant.json", cancellationToken);
/// UserEntry? user = snapshot.FindUser("backup@contoso.com");
/// </code>
/// </example>
public sealed record TenantSnapshot
{
    /// <summary>The only schema version this library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    private readonly IReadOnlyList<UserEntry> users = [];
    private Dictionary<string, UserEntry>? byKey;

    /// <summary>The schema version of the document (always <see cref="CurrentSchemaVersion"/> once read).</summary>
    public int SchemaVersion { get; internal init; } = CurrentSchemaVersion;

    /// <summary>When the snapshot was captured.</summary>
    public DateTimeOffset CapturedAt { get; internal init; }

    /// <summary>The tenant id.</summary>
    public Guid TenantId { get; internal init; }

    /// <summary>The Microsoft cloud of the tenant.</summary>
    public CloudEnvironment Cloud { get; internal init; }

    /// <summary>The tenant-wide sections.</summary>
    public TenantSections Sections { get; internal init; } = TenantSections.NotCaptured;

    /// <summary>The users, in document order.</summary>
    public IReadOnlyList<UserEntry> Users
    {
        get => users;
        internal init
        {
            users = value;
            byKey = null;
        }
    }

    /// <summary>Users that were asked for but do not exist in the tenant (UPNs or ids, as asked).</summary>
    public IReadOnlyList<string> MissingUsers { get; internal init; } = [];

    /// <summary>
    /// Finds a user by object id or user principal name (case-insensitive); <see langword="null"/> when the snapshot
    /// holds no such user. Constant time after the first call.
    /// </summary>
    /// <param name="idOrUserPrincipalName">An object id or a user principal name.</param>
    public UserEntry? FindUser(string idOrUserPrincipalName)
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
    /// A copy of this snapshot whose <c>exchangeOnline</c> section is captured with <paramref name="settings"/>,
    /// replacing whatever that section held (absent, not captured, failed or captured). Everything else is unchanged.
    /// </summary>
    /// <param name="settings">
    /// The settings, as read by <see cref="SnapshotReader.ReadExchangeOnlineSettings(string)"/> (or its stream and file
    /// variants) or taken from another snapshot.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="settings"/> was not read from a document (it has no payload to write).</exception>
    /// <example>
    /// <code>
    /// var reader = new SnapshotReader();
    /// TenantSnapshot snapshot = (await reader.ReadFileAsync("tenant.json"))
    ///     .WithExchangeOnline(await reader.ReadExchangeOnlineSettingsFileAsync("exchange-online.json"));
    /// </code>
    /// </example>
    public TenantSnapshot WithExchangeOnline(ExchangeOnlineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Json.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw new ArgumentException(
                "The Exchange Online settings have no JSON payload; read them with SnapshotReader.ReadExchangeOnlineSettings.",
                nameof(settings));
        }

        return this with { Sections = Sections with { ExchangeOnline = Section.Captured(settings) } };
    }

    /// <summary>Reads a snapshot from a JSON string with the default <see cref="SnapshotReaderOptions"/>.</summary>
    /// <param name="json">The snapshot document.</param>
    /// <exception cref="SnapshotFormatException">The document is not a valid snapshot; <see cref="SnapshotFormatException.Errors"/> says what and where.</exception>
    public static TenantSnapshot Parse(string json) => new SnapshotReader().Read(json);

    /// <summary>Reads a snapshot file with the default <see cref="SnapshotReaderOptions"/>.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="SnapshotFormatException">The file is missing, unreadable or not a valid snapshot.</exception>
    public static Task<TenantSnapshot> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        new SnapshotReader().ReadFileAsync(path, cancellationToken);
}
