using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Snapshots.Exchange;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// Writes a <see cref="TenantSnapshot"/> as canonical JSON: envelope and section members in the contract's order,
/// every section written out (absent ones as <c>notCaptured</c>; the optional <c>exchangeOnline</c> only when present), Graph payloads exactly as captured (unknown
/// properties included, in their captured order), two-space indentation, <c>\n</c> line ends, UTF-8 without BOM.
/// Writing the same snapshot always yields the same bytes, and read → write → read loses nothing.
/// </summary>
public static class SnapshotWriter
{
    /// <summary>The snapshot as canonical UTF-8 JSON bytes.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="options">Options (redaction); <see langword="null"/> for none.</param>
    public static byte[] ToUtf8Bytes(TenantSnapshot snapshot, SnapshotWriterOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Write(snapshot, buffer, options);
        return buffer.ToArray();
    }

    /// <summary>The snapshot as a canonical JSON string.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="options">Options (redaction); <see langword="null"/> for none.</param>
    public static string ToJson(TenantSnapshot snapshot, SnapshotWriterOptions? options = null) =>
        System.Text.Encoding.UTF8.GetString(ToUtf8Bytes(snapshot, options));

    /// <summary>Writes the snapshot to <paramref name="stream"/>.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="stream">The destination; not disposed.</param>
    /// <param name="options">Options (redaction); <see langword="null"/> for none.</param>
    public static void Write(TenantSnapshot snapshot, Stream stream, SnapshotWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stream);
        options ??= SnapshotWriterOptions.Default;
        if (options.Redact)
        {
            snapshot = SnapshotRedactor.Redact(snapshot, options.RedactionKey);
        }

        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        WriteEnvelope(writer, snapshot);
        writer.Flush();
        stream.Write("\n"u8);
    }

    /// <summary>Writes the snapshot to a file (created or replaced), asynchronously.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="path">The file.</param>
    /// <param name="options">Options (redaction); <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task WriteFileAsync(TenantSnapshot snapshot, string path, SnapshotWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = ToUtf8Bytes(snapshot, options);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The writer settings of canonical snapshot JSON (two-space indentation, <c>\n</c> line ends, relaxed escaping), for
    /// code that streams a snapshot document piece by piece (the Graph package's tenant-wide capture) and must produce the
    /// bytes this writer would.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 1100,
        SkipValidation = false,
    };

    /// <summary>
    /// Formats an instant the way snapshots store it (<c>capturedAt</c>): UTC, <c>Z</c>, fractional seconds only when
    /// present, for example <c>2026-11-24T09:30:00Z</c>.
    /// </summary>
    /// <param name="instant">The instant.</param>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>The snapshot name of a cloud (<c>cloud</c>): <c>global</c>, <c>usGov</c>, <c>usGovDoD</c> or <c>china</c>.</summary>
    /// <param name="cloud">The cloud.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cloud"/> is not a named member.</exception>
    public static string FormatCloud(CloudEnvironment cloud) => GraphEnums.Cloud.ToText(cloud);

    private static void WriteEnvelope(Utf8JsonWriter w, TenantSnapshot s)
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", s.SchemaVersion);
        w.WriteString("capturedAt", FormatInstant(s.CapturedAt));
        w.WriteString("tenantId", s.TenantId.ToString("D"));
        w.WriteString("cloud", GraphEnums.Cloud.ToText(s.Cloud));

        w.WriteStartObject("sections");
        WriteSection(w, "securityDefaults", s.Sections.SecurityDefaults, WriteObject);
        WriteSection(w, "conditionalAccessPolicies", s.Sections.ConditionalAccessPolicies, WriteArray);
        WriteSection(w, "authenticationMethodsPolicy", s.Sections.AuthenticationMethodsPolicy, WriteObject);
        WriteSection(w, "mfaServicePolicy", s.Sections.MfaServicePolicy, WriteObject);
        WriteSection(w, "domains", s.Sections.Domains, WriteArray);
        WriteSection(w, "subscribedSkus", s.Sections.SubscribedSkus, WriteArray);

        // Optional (catalog v1.1): written only when the snapshot has it, so documents without it keep their bytes.
        if (!ReferenceEquals(s.Sections.ExchangeOnline, Section<ExchangeOnlineSettings>.Absent))
        {
            WriteSection(w, "exchangeOnline", s.Sections.ExchangeOnline, WriteObject);
        }

        w.WriteEndObject();

        w.WriteStartArray("users");
        foreach (var entry in s.Users)
        {
            w.WriteStartObject();
            w.WritePropertyName("user");
            entry.User.Json.WriteTo(w);
            w.WriteStartObject("sections");
            WriteSection(w, "authenticationRequirements", entry.Sections.AuthenticationRequirements, WriteObject);
            WriteSection(w, "authenticationMethods", entry.Sections.AuthenticationMethods, WriteArray);
            WriteSection(w, "transitiveMemberOf", entry.Sections.TransitiveMemberOf, WriteArray);

            // Optional (catalog v1.2): written only when present, so documents without them keep their bytes.
            if (!ReferenceEquals(entry.Sections.ConditionalAccessEvaluation, Section<IReadOnlyList<ConditionalAccessEvaluation>>.Absent))
            {
                WriteSection(w, "conditionalAccessEvaluation", entry.Sections.ConditionalAccessEvaluation, WriteArray);
            }

            if (!ReferenceEquals(entry.Sections.SignIns, Section<SignInList>.Absent))
            {
                WriteSection(w, "signIns", entry.Sections.SignIns, WriteArray<SignIn>);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        if (s.MissingUsers.Count > 0)
        {
            w.WriteStartArray("missingUsers");
            foreach (string missing in s.MissingUsers)
            {
                w.WriteStringValue(missing);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter w, GraphObject value) => value.Json.WriteTo(w);

    private static void WriteArray<T>(Utf8JsonWriter w, IReadOnlyList<T> items)
        where T : GraphObject
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            item.Json.WriteTo(w);
        }

        w.WriteEndArray();
    }

    private static void WriteSection<T>(Utf8JsonWriter w, string name, Section<T> section, Action<Utf8JsonWriter, T> writeValue)
        where T : class
    {
        w.WriteStartObject(name);
        w.WriteString("status", GraphEnums.Status.ToText(section.Status));
        switch (section.Status)
        {
            case SectionStatus.Captured:
                w.WritePropertyName("value");
                writeValue(w, section.Value!);
                break;
            case SectionStatus.Failed:
                var error = section.Error!;
                w.WriteStartObject("error");
                w.WriteNumber("httpStatus", error.HttpStatus);
                if (error.Code is not null)
                {
                    w.WriteString("code", error.Code);
                }

                if (error.Message is not null)
                {
                    w.WriteString("message", error.Message);
                }

                w.WriteStartArray("requiredPermissions");
                foreach (string permission in error.RequiredPermissions.IsDefault ? [] : error.RequiredPermissions)
                {
                    w.WriteStringValue(permission);
                }

                w.WriteEndArray();
                w.WriteEndObject();
                break;
            default:
                if (section.Reason is not null)
                {
                    w.WriteString("reason", section.Reason);
                }

                break;
        }

        w.WriteEndObject();
    }
}
