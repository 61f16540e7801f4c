using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CodeTwo.AuthDiagnostics.Snapshots.Exchange;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Snapshots.Validation;

namespace CodeTwo.AuthDiagnostics.Snapshots.Reading;

/// <summary>
/// Reads snapshot documents (format v1) into <see cref="TenantSnapshot"/>. Every rule of the contract's validation
/// section is enforced; bad input of any kind raises <see cref="SnapshotFormatException"/> listing each problem with
/// its JSONPath. Thread-safe; create one per set of options and reuse it.
/// </summary>
internal sealed class SnapshotReader
{
    private static readonly int[] SupportedVersions = [TenantSnapshot.CurrentSchemaVersion];

    /// <summary>UTF-8 that refuses unpaired surrogates instead of silently replacing them with U+FFFD.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SnapshotReaderOptions options;

    /// <summary>Creates a reader with <paramref name="options"/> (or the defaults).</summary>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="SnapshotReaderOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public SnapshotReader(SnapshotReaderOptions? options = null)
    {
        this.options = options ?? SnapshotReaderOptions.Default;
        this.options.Validate();
    }

    /// <summary>Reads a snapshot from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <exception cref="SnapshotFormatException">The document is not a valid snapshot.</exception>
    public TenantSnapshot Read(string json) => Read(ToUtf8(json), null, ReadSnapshot);

    /// <summary>Reads a snapshot from UTF-8 bytes (a leading byte-order mark is allowed).</summary>
    /// <param name="utf8Json">The document. The reader keeps a reference to it: do not change it afterwards.</param>
    /// <exception cref="SnapshotFormatException">The document is not a valid snapshot.</exception>
    public TenantSnapshot Read(ReadOnlyMemory<byte> utf8Json) => Read(utf8Json, null, ReadSnapshot);

    /// <summary>Reads a snapshot from a stream, up to <see cref="SnapshotReaderOptions.MaxDocumentBytes"/>.</summary>
    /// <param name="stream">The stream; read to its end, not disposed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="SnapshotFormatException">The document is not a valid snapshot, or is too large.</exception>
    public async Task<TenantSnapshot> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = await ReadAllAsync(stream, null, cancellationToken).ConfigureAwait(false);
        return Read(bytes, null, ReadSnapshot, cancellationToken);
    }

    /// <summary>Reads a snapshot file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="SnapshotFormatException">The file is missing or unreadable, too large, or not a valid snapshot.</exception>
    public Task<TenantSnapshot> ReadFileAsync(string path, CancellationToken cancellationToken = default) =>
        ReadFileAsync(path, ReadSnapshot, "a snapshot file", cancellationToken);

    /// <summary>
    /// Reads a document that holds only the value of the <c>exchangeOnline</c> section (what the CLI's
    /// <c>exchange-script</c> writes), with the same checks and messages as inside a snapshot; paths are rooted at the
    /// value (<c>$.users['…'].smtpClientAuthenticationDisabled</c>). Merge the result with
    /// <see cref="TenantSnapshot.WithExchangeOnline(string)"/>.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <exception cref="SnapshotFormatException">The document is not valid Exchange Online settings.</exception>
    public ExchangeOnlineSettings ReadExchangeOnlineSettings(string json) => Read(ToUtf8(json), null, ReadExchangeOnlineValue);

    /// <summary>Reads Exchange Online settings (see <see cref="ReadExchangeOnlineSettings(string)"/>) from a stream, up to <see cref="SnapshotReaderOptions.MaxDocumentBytes"/>.</summary>
    /// <param name="stream">The stream; read to its end, not disposed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="SnapshotFormatException">The document is not valid Exchange Online settings, or is too large.</exception>
    public async Task<ExchangeOnlineSettings> ReadExchangeOnlineSettingsAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = await ReadAllAsync(stream, null, cancellationToken).ConfigureAwait(false);
        return Read(bytes, null, ReadExchangeOnlineValue, cancellationToken);
    }

    /// <summary>Reads a file of Exchange Online settings (see <see cref="ReadExchangeOnlineSettings(string)"/>); errors name the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="SnapshotFormatException">The file is missing or unreadable, too large, or not valid Exchange Online settings.</exception>
    public Task<ExchangeOnlineSettings> ReadExchangeOnlineSettingsFileAsync(string path, CancellationToken cancellationToken = default) =>
        ReadFileAsync(path, ReadExchangeOnlineValue, "an Exchange Online settings file", cancellationToken);

    private async Task<T> ReadFileAsync<T>(string path, Func<JsonReadContext, JsonElement, T?> readRoot, string what, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new SnapshotFormatException([new SnapshotFormatError("$", "no readable file", $"expected {what} at '{path}' ({e.Message})")], path);
        }

        await using (file.ConfigureAwait(false))
        {
            if (file.CanSeek && file.Length > options.MaxDocumentBytes)
            {
                throw TooLarge(file.Length, path);
            }

            var bytes = await ReadAllAsync(file, path, cancellationToken).ConfigureAwait(false);
            return Read(bytes, path, readRoot, cancellationToken);
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream stream, string? source, CancellationToken cancellationToken)
    {
        long limit = options.MaxDocumentBytes;

        // One byte more than the limit is enough to know that a document is too large; no array can be larger than Array.MaxLength.
        long largest = Math.Min(limit + 1, Array.MaxLength);
        long capacity = stream.CanSeek ? Math.Min(Math.Max(stream.Length - stream.Position, 0) + 1, largest) : Math.Min(1 << 16, largest);
        var buffer = new byte[Math.Max(capacity, 16)];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit || length >= largest)
                {
                    throw TooLarge(length, source, atLeast: true);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, largest));
            }

            int read;
            try
            {
                read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new SnapshotFormatException([new SnapshotFormatError("$", "a read error", $"expected a readable document ({e.Message})")], source);
            }

            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > limit)
            {
                throw TooLarge(length, source, atLeast: true);
            }
        }

        return buffer.AsMemory(0, length);
    }

    /// <summary>The size error. <paramref name="atLeast"/>: reading stopped after <paramref name="size"/> bytes, so the whole document is larger still.</summary>
    private SnapshotFormatException TooLarge(long size, string? source, bool atLeast = false) => new(
        [
            new SnapshotFormatError(
                "$",
                atLeast
                    ? $"a document of more than {FormatBytes(Math.Min(size, options.MaxDocumentBytes))}"
                    : $"a document of {FormatBytes(size)}",
                $"expected at most {FormatBytes(options.MaxDocumentBytes)} (SnapshotReaderOptions.MaxDocumentBytes)"),
        ],
        source);

    private static string FormatBytes(long bytes) => bytes >= 1 << 20
        ? (bytes / (double)(1 << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

    /// <summary>The UTF-8 bytes of a document given as a string; an unpaired surrogate is a format error.</summary>
    private ReadOnlyMemory<byte> ToUtf8(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            if ((long)json.Length * 3 > options.MaxDocumentBytes && StrictUtf8.GetByteCount(json) is var size && size > options.MaxDocumentBytes)
            {
                throw TooLarge(size, null);
            }

            return StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException e)
        {
            // A .NET string can hold half of a surrogate pair, which no UTF-8 document can: say where it is.
            throw new SnapshotFormatException(
                [new SnapshotFormatError("$", $"an unpaired UTF-16 surrogate (U+{(int)(e.CharUnknown != 0 ? e.CharUnknown : e.CharUnknownHigh):X4}) at character {e.Index + 1}", "expected valid Unicode text")]);
        }
    }

    /// <summary>The whole snapshot: the envelope, then (when it is structurally sound) the semantic rules.</summary>
    private static TenantSnapshot? ReadSnapshot(JsonReadContext c, JsonElement root)
    {
        var snapshot = ReadEnvelope(c, root);
        if (c.Errors.Count == 0 && snapshot is not null)
        {
            SnapshotSemanticValidator.Validate(snapshot, c);
        }

        return snapshot;
    }

    /// <summary>A standalone <c>exchangeOnline</c> value: the section's value checks, then its semantic rules, rooted at <c>$</c>.</summary>
    private static ExchangeOnlineSettings? ReadExchangeOnlineValue(JsonReadContext c, JsonElement root)
    {
        if (!c.ExpectObject(root, "the exchangeOnline section's value, as exchange-script writes it"))
        {
            return null;
        }

        var settings = ExchangeOnlineSettingsReader.Read(c, root);
        if (c.Errors.Count == 0)
        {
            SnapshotSemanticValidator.ValidateExchangeOnline(settings, c);
        }

        return settings;
    }

    private T Read<T>(ReadOnlyMemory<byte> utf8Json, string? source, Func<JsonReadContext, JsonElement, T?> readRoot, CancellationToken cancellationToken = default)
        where T : class
    {
        if (utf8Json.Span.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Length > options.MaxDocumentBytes)
        {
            throw TooLarge(utf8Json.Length, source);
        }

        CheckUtf8(utf8Json.Span, source);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions
            {
                MaxDepth = options.MaxDepth,
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
                AllowDuplicateProperties = false,
            });
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The parser's exception says little (nothing at all about a duplicate property, and the duplicate check
            // throws InvalidOperationException on a name with an unpaired surrogate escape): find the problem on the text.
            var problem = JsonTextDiagnostics.Diagnose(utf8Json.Span, options.MaxDepth, checkDuplicates: true)
                ?? new SnapshotFormatError("$", $"malformed JSON ({e.Message})", "expected one complete JSON document");
            throw new SnapshotFormatException([problem], source);
        }

        // A \uD800-style escape that is not half of a pair parses, but cannot be read as a string (nor written back).
        if (JsonTextDiagnostics.MayHoldSurrogateEscape(utf8Json.Span)
            && JsonTextDiagnostics.Diagnose(utf8Json.Span, options.MaxDepth, checkDuplicates: false) is { } invalidText)
        {
            document.Dispose();
            throw new SnapshotFormatException([invalidText], source);
        }

        // The document is deliberately not disposed: the snapshot's payloads keep referring to it.
        cancellationToken.ThrowIfCancellationRequested();
        var context = new JsonReadContext(options.MaxErrors) { Cancellation = cancellationToken };
        var result = readRoot(context, document.RootElement);
        if (context.Errors.Count > 0 || result is null)
        {
            throw new SnapshotFormatException(context.Errors.ToArray(), source) { Truncated = context.Truncated };
        }

        return result;
    }

    private static void CheckUtf8(ReadOnlySpan<byte> bytes, string? source)
    {
        if (Utf8.IsValid(bytes))
        {
            return;
        }

        // Find the first invalid byte and report its line and column.
        var chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            int offset = 0;
            while (offset < bytes.Length)
            {
                var status = Utf8.ToUtf16(bytes[offset..], chars, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                if (status == OperationStatus.InvalidData)
                {
                    offset += read;
                    break;
                }

                offset += read;
                if (status == OperationStatus.Done)
                {
                    break;
                }
            }

            var before = bytes[..Math.Min(offset, bytes.Length)];
            int line = before.Count((byte)'\n') + 1;
            int column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
            string found = offset < bytes.Length
                ? $"invalid UTF-8 (byte 0x{bytes[offset]:X2}) at line {line}, byte {column}"
                : $"invalid UTF-8 at line {line}, byte {column}";
            throw new SnapshotFormatException([new SnapshotFormatError("$", found, "expected a UTF-8 encoded JSON document")], source);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static TenantSnapshot? ReadEnvelope(JsonReadContext c, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            c.Error(JsonReadContext.Describe(root), "expected a JSON object (the snapshot envelope)");
            return null;
        }

        if (!JsonReadContext.TryGet(root, "schemaVersion", out var version))
        {
            c.ErrorAt("schemaVersion", JsonReadContext.Absence(root, "schemaVersion"), $"expected the schema version (supported: {string.Join(", ", SupportedVersions)})");
            return null;
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int schemaVersion))
        {
            c.ErrorAt("schemaVersion", JsonReadContext.Describe(version), $"expected an integer schema version (supported: {string.Join(", ", SupportedVersions)})");
            return null;
        }

        if (!SupportedVersions.Contains(schemaVersion))
        {
            c.ErrorAt("schemaVersion", $"unsupported version {schemaVersion}", $"this library reads schema versions {string.Join(", ", SupportedVersions)}");
            return null;
        }

        var capturedAt = c.Instant(root, "capturedAt", "expected when the snapshot was captured");
        var tenantId = c.Guid(root, "tenantId", "expected the tenant id");
        var cloudText = c.String(root, "cloud", "expected the cloud: global, usGov, usGovDoD or china");
        CloudEnvironment cloud = CloudEnvironment.Global;
        if (cloudText is not null)
        {
            if (GraphEnums.Cloud.Texts.Contains(cloudText, StringComparer.Ordinal))
            {
                cloud = GraphEnums.Cloud.Parse(cloudText);
            }
            else
            {
                c.ErrorAt("cloud", JsonReadContext.Describe(cloudText), "expected global, usGov, usGovDoD or china");
            }
        }

        var sections = TenantSections.NotCaptured;
        if (c.Object(root, "sections", out var sectionsElement))
        {
            using var scope = c.Enter("sections");
            sections = new TenantSections
            {
                SecurityDefaults = ReadSection(c, sectionsElement, "securityDefaults", JsonValueKind.Object, GraphPayloadReader.SecurityDefaults),
                ConditionalAccessPolicies = ReadSection(c, sectionsElement, "conditionalAccessPolicies", JsonValueKind.Array, GraphPayloadReader.ConditionalAccessPolicies),
                AuthenticationMethodsPolicy = ReadSection(c, sectionsElement, "authenticationMethodsPolicy", JsonValueKind.Object, GraphPayloadReader.AuthenticationMethodsPolicy),
                MfaServicePolicy = ReadSection(c, sectionsElement, "mfaServicePolicy", JsonValueKind.Object, GraphPayloadReader.MfaServicePolicy),
                Domains = ReadSection(c, sectionsElement, "domains", JsonValueKind.Array, GraphPayloadReader.Domains),
                SubscribedSkus = ReadSection(c, sectionsElement, "subscribedSkus", JsonValueKind.Array, GraphPayloadReader.SubscribedSkus),
                ExchangeOnline = ReadSection(c, sectionsElement, "exchangeOnline", JsonValueKind.Object, ExchangeOnlineSettingsReader.Read),
            };
        }

        IReadOnlyList<UserEntry> users = [];
        if (c.Array(root, "users", out var usersElement))
        {
            using var scope = c.Enter("users");
            users = ReadUsers(c, usersElement, new UserReading(capturedAt ?? default, sections.ConditionalAccessPolicies.Value));
        }

        var missingUsers = c.StringArray(root, "missingUsers");

        return new TenantSnapshot
        {
            SchemaVersion = schemaVersion,
            CapturedAt = capturedAt ?? default,
            TenantId = tenantId ?? default,
            Cloud = cloud,
            Sections = sections,
            Users = users,
            MissingUsers = missingUsers,
        };
    }

    /// <summary>
    /// What reading the users' catalog v1.2 sections needs from the envelope: the capture time (the sign-in window) and
    /// the policies' bits (built on first need: What-If answers become bit sets once, when the snapshot is read).
    /// </summary>
    private sealed class UserReading(DateTimeOffset capturedAt, IReadOnlyList<ConditionalAccessPolicy>? policies)
    {
        private Dictionary<string, int>? bits;
        private int count;

        public DateTimeOffset CapturedAt => capturedAt;

        public SignInList SignIns(JsonReadContext c, JsonElement value) => GraphPayloadReader.SignIns(c, value, capturedAt);

        public IReadOnlyList<ConditionalAccessEvaluation> Evaluations(JsonReadContext c, JsonElement value)
        {
            if (policies is not null && bits is null)
            {
                bits = ClassifiedPolicies.BitsById(policies, out count);
            }

            return GraphPayloadReader.ConditionalAccessEvaluations(c, value, bits, count);
        }
    }

    private static UserEntry[] ReadUsers(JsonReadContext c, JsonElement array, UserReading reading)
    {
        var users = new UserEntry[array.GetArrayLength()];
        int index = 0;
        int count = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (c.ErrorLimitReached)
            {
                c.StoppedAtLimit();
                break;
            }

            if ((index & 255) == 0)
            {
                c.Cancellation.ThrowIfCancellationRequested();
            }

            using var scope = c.Enter(index);
            if (c.ExpectObject(element, "a user entry with user and sections"))
            {
                users[count++] = ReadUserEntry(c, element, index, reading);
            }

            index++;
        }

        return count == users.Length ? users : users[..count];
    }

    private static UserEntry ReadUserEntry(JsonReadContext c, JsonElement entry, int index, UserReading reading)
    {
        DirectoryUser user = new();
        if (c.Object(entry, "user", out var userElement, "every user entry needs the user object"))
        {
            using var scope = c.Enter("user");
            user = GraphPayloadReader.User(c, userElement);
        }

        var sections = UserSections.NotCaptured;
        if (c.Object(entry, "sections", out var sectionsElement))
        {
            using var scope = c.Enter("sections");
            sections = new UserSections
            {
                AuthenticationRequirements = ReadSection(c, sectionsElement, "authenticationRequirements", JsonValueKind.Object, GraphPayloadReader.AuthenticationRequirements),
                AuthenticationMethods = ReadSection(c, sectionsElement, "authenticationMethods", JsonValueKind.Array, GraphPayloadReader.AuthenticationMethods),
                TransitiveMemberOf = ReadSection(c, sectionsElement, "transitiveMemberOf", JsonValueKind.Array, GraphPayloadReader.DirectoryObjects),
                ConditionalAccessEvaluation = ReadSection(c, sectionsElement, "conditionalAccessEvaluation", JsonValueKind.Array, reading.Evaluations),
                SignIns = ReadSection(c, sectionsElement, "signIns", JsonValueKind.Array, reading.SignIns),
            };
        }

        return new UserEntry { User = user, Sections = sections, Index = index };
    }

    private static Section<T> ReadSection<T>(JsonReadContext c, JsonElement sections, string name, JsonValueKind valueKind, Func<JsonReadContext, JsonElement, T> readValue)
        where T : class
    {
        if (!sections.TryGetProperty(name, out var element))
        {
            return Section<T>.Absent;
        }

        using var scope = c.Enter(name);
        if (element.ValueKind != JsonValueKind.Object)
        {
            c.Error(JsonReadContext.Describe(element), "expected a section object with a status (captured, notCaptured or failed)");
            return Section<T>.Absent;
        }

        string? statusText = c.String(element, "status", "every section needs a status: captured, notCaptured or failed");
        if (statusText is null)
        {
            return Section<T>.Absent;
        }

        if (!GraphEnums.Status.Texts.Contains(statusText, StringComparer.Ordinal))
        {
            c.ErrorAt("status", $"unknown status \"{statusText}\"", "expected captured, notCaptured or failed");
            return Section<T>.Absent;
        }

        switch (GraphEnums.Status.Parse(statusText))
        {
            case SectionStatus.Captured:
                if (!JsonReadContext.TryGet(element, "value", out var value))
                {
                    c.ErrorAt("value", JsonReadContext.Absence(element, "value"), "a captured section needs its value");
                    return Section<T>.Absent;
                }

                if (value.ValueKind != valueKind)
                {
                    c.ErrorAt("value", JsonReadContext.Describe(value), valueKind == JsonValueKind.Array ? "expected an array" : "expected an object");
                    return Section<T>.Absent;
                }

                using (c.Enter("value"))
                {
                    return Snapshots.Section.Captured(readValue(c, value));
                }

            case SectionStatus.Failed:
                if (!c.Object(element, "error", out var errorElement, "a failed section needs an error object with httpStatus"))
                {
                    return Section<T>.Absent;
                }

                using (c.Enter("error"))
                {
                    int? status = c.Int(errorElement, "httpStatus", "the error needs the HTTP status of the failed request");
                    var error = new SectionError(
                        status ?? 0,
                        c.String(errorElement, "code"),
                        c.String(errorElement, "message"),
                        [.. c.StringArray(errorElement, "requiredPermissions")]);
                    return Snapshots.Section.Failed<T>(error);
                }

            default:
                return Snapshots.Section.NotCaptured<T>(c.String(element, "reason"));
        }
    }
}
