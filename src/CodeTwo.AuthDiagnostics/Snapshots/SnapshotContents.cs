using System.Buffers;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Exchange;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// A read-only view of what a snapshot holds, in the document's terms (<c>docs/snapshot-format.md</c>): every tenant
/// section with its status, the captured users with theirs, and the users asked for but not found. It answers a host's
/// questions about a capture (which sections failed and which permissions they need, who was captured) without the
/// library's typed model: captured values are the Graph payloads as they stand in the document. Immutable and
/// thread-safe; get it from <see cref="TenantSnapshot.Contents"/>.
/// </summary>
/// <example>
/// <code>
/// foreach (SnapshotSection section in snapshot.Contents.TenantSections.Where(s => s.Status == SectionStatus.Failed))
/// {
///     Console.WriteLine($"{section.Name}: HTTP {section.HttpStatus}; grant {string.Join(", ", section.RequiredPermissions)}");
/// }
/// </code>
/// </example>
public sealed class SnapshotContents
{
    private readonly TenantSnapshot snapshot;
    private IReadOnlyList<SnapshotSection>? tenantSections;
    private IReadOnlyList<SnapshotUser>? users;

    internal SnapshotContents(TenantSnapshot snapshot) => this.snapshot = snapshot;

    /// <summary>
    /// The tenant sections in document order: <c>securityDefaults</c>, <c>conditionalAccessPolicies</c>,
    /// <c>authenticationMethodsPolicy</c>, <c>mfaServicePolicy</c>, <c>domains</c>, <c>subscribedSkus</c>, then
    /// <c>exchangeOnline</c> when the snapshot has it.
    /// </summary>
    public IReadOnlyList<SnapshotSection> TenantSections => tenantSections ??= BuildTenantSections(snapshot.Sections);

    /// <summary>The captured users, in document order.</summary>
    public IReadOnlyList<SnapshotUser> Users => users ??= new UserList(snapshot.Users);

    /// <summary>Users that were asked for but do not exist in the tenant (UPNs or object ids, as asked).</summary>
    public IReadOnlyList<string> MissingUsers => snapshot.MissingUsers;

    private static SnapshotSection[] BuildTenantSections(TenantSections s)
    {
        var list = new List<SnapshotSection>(7)
        {
            SnapshotSection.Of("securityDefaults", s.SecurityDefaults),
            SnapshotSection.Of("conditionalAccessPolicies", s.ConditionalAccessPolicies),
            SnapshotSection.Of("authenticationMethodsPolicy", s.AuthenticationMethodsPolicy),
            SnapshotSection.Of("mfaServicePolicy", s.MfaServicePolicy),
            SnapshotSection.Of("domains", s.Domains),
            SnapshotSection.Of("subscribedSkus", s.SubscribedSkus),
        };

        // Optional, as the writer treats it: listed only when the snapshot has the section.
        if (!ReferenceEquals(s.ExchangeOnline, Section<ExchangeOnlineSettings>.Absent))
        {
            list.Add(SnapshotSection.Of("exchangeOnline", s.ExchangeOnline));
        }

        return [.. list];
    }
}

/// <summary>
/// A read-only view of one user of a snapshot: the user object as captured and the user's sections
/// (<c>authenticationRequirements</c>, <c>authenticationMethods</c>, <c>transitiveMemberOf</c>, then the optional
/// <c>conditionalAccessEvaluation</c> and <c>signIns</c> of catalog v1.2 when the document has them, in that order).
/// </summary>
public sealed class SnapshotUser
{
    private readonly UserEntry entry;
    private IReadOnlyList<SnapshotSection>? sections;

    internal SnapshotUser(UserEntry entry) => this.entry = entry;

    /// <summary>The user's object id.</summary>
    public string Id => entry.User.Id;

    /// <summary>The user principal name, for example <c>backup@contoso.com</c>.</summary>
    public string UserPrincipalName => entry.User.UserPrincipalName;

    /// <summary>The user object as Graph returned it (<c>users[].user</c>: <c>userType</c>, <c>accountEnabled</c> and the other selected properties).</summary>
    public JsonElement User => entry.User.Json;

    /// <summary>The user's sections, in document order (the optional ones only when present).</summary>
    public IReadOnlyList<SnapshotSection> Sections => sections ??=
    [
        SnapshotSection.Of("authenticationRequirements", entry.Sections.AuthenticationRequirements),
        SnapshotSection.Of("authenticationMethods", entry.Sections.AuthenticationMethods),
        SnapshotSection.Of("transitiveMemberOf", entry.Sections.TransitiveMemberOf),
        .. Optional("conditionalAccessEvaluation", entry.Sections.ConditionalAccessEvaluation),
        .. Optional("signIns", entry.Sections.SignIns),
    ];

    /// <summary>An optional section (catalog v1.2): listed only when the document has it.</summary>
    private static SnapshotSection[] Optional<T>(string name, Section<T> section)
        where T : class =>
        ReferenceEquals(section, Section<T>.Absent) ? [] : [SnapshotSection.Of(name, section)];
}

/// <summary>
/// A read-only view of one section of a snapshot, as the document has it: its name and <see cref="Status"/>; the Graph
/// payload when captured; the reason when not captured; Graph's answer and the permissions reading it needs when it
/// failed.
/// </summary>
public sealed class SnapshotSection
{
    private readonly SectionError? error;
    private readonly Lazy<JsonElement> value;

    private SnapshotSection(string name, SectionStatus status, string? reason, SectionError? error, Func<JsonElement> value)
    {
        Name = name;
        Status = status;
        Reason = reason;
        this.error = error;
        this.value = new Lazy<JsonElement>(value);
    }

    /// <summary>The section's JSON name, for example <c>conditionalAccessPolicies</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the section was captured, not captured or failed.</summary>
    public SectionStatus Status { get; }

    /// <summary>
    /// The captured Graph payload as it stands in the document (an object, or for a collection section the array of
    /// every page's items); <see langword="default"/> (<see cref="JsonValueKind.Undefined"/>) unless captured.
    /// </summary>
    public JsonElement Value => value.Value;

    /// <summary>Why the section was not captured, when the document says so.</summary>
    public string? Reason { get; }

    /// <summary>The HTTP status Graph answered with (for example 403) when the section failed.</summary>
    public int? HttpStatus => error?.HttpStatus;

    /// <summary>Graph's error code (for example <c>Authorization_RequestDenied</c>) when the section failed and Graph gave one.</summary>
    public string? ErrorCode => error?.Code;

    /// <summary>Graph's error message when the section failed and Graph gave one.</summary>
    public string? ErrorMessage => error?.Message;

    /// <summary>The Graph permissions the failed section needs, as the document records them; empty unless failed.</summary>
    public IReadOnlyList<string> RequiredPermissions => error is { RequiredPermissions.IsDefault: false } e ? e.RequiredPermissions : [];

    /// <summary>
    /// The least-privileged Graph permissions (application or delegated) that read the section named
    /// <paramref name="name"/>, for example <c>Policy.Read.All</c> for <c>conditionalAccessPolicies</c>: what a capture
    /// records in a failed section, and what an app registration needs.
    /// </summary>
    /// <param name="name">A section's JSON name, or <c>user</c> for the user object.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="name"/> is not a snapshot section.</exception>
    public static IReadOnlyList<string> RequiredPermissionsFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SectionPermissions.ListFor(name);
    }

    internal static SnapshotSection Of<T>(string name, Section<T> section)
        where T : class => new(name, section.Status, section.Reason, section.Error, () => section.Value switch
        {
            GraphObject item => item.Json,
            IEnumerable<GraphObject> items => ArrayOf(items),
            _ => default,
        });

    private static JsonElement ArrayOf(IEnumerable<GraphObject> items)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                item.Json.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}

/// <summary>
/// The users as <see cref="SnapshotUser"/> views, each made when first read and then kept: asking a 100,000-user
/// snapshot for its count (a progress total) makes no view at all.
/// </summary>
internal sealed class UserList(IReadOnlyList<UserEntry> entries) : IReadOnlyList<SnapshotUser>
{
    private readonly SnapshotUser?[] views = new SnapshotUser?[entries.Count];

    public int Count => views.Length;

    public SnapshotUser this[int index]
    {
        get
        {
            // Benign race: two threads may make equal views of one entry; either one is kept.
            var view = views[index];
            return view ?? (views[index] = new SnapshotUser(entries[index]));
        }
    }

    public IEnumerator<SnapshotUser> GetEnumerator()
    {
        for (int i = 0; i < views.Length; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
