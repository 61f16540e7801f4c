using System.Globalization;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// Reads the accepted-risks file an administrator keeps (format in <c>docs/accepted-risks.md</c>):
/// <c>{"acceptedRisks":[{"code":"APW010","user":"backup@contoso.com","policyId":null,"reason":"…","acceptedBy":"…","expires":"2027-06-30"}]}</c>.
/// <c>code</c>, <c>reason</c>, <c>acceptedBy</c> and <c>expires</c> (<c>yyyy-MM-dd</c>) are required; <c>user</c> and
/// <c>policyId</c> narrow the acceptance and may be absent or <c>null</c>; other properties are ignored. Comments and
/// trailing commas are allowed. No reflection: safe to trim and to compile ahead of time.
/// </summary>
/// <example>
/// <code>
/// foreach (AcceptedRisk risk in await AcceptedRisksFile.LoadAsync("accepted-risks.json", cancellationToken))
/// {
///     options.AcceptedRisks.Add(risk);
/// }
/// </code>
/// </example>
public static class AcceptedRisksFile
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses the accepted risks of <paramref name="json"/>, in document order.</summary>
    /// <param name="json">The file's text.</param>
    /// <exception cref="FormatException">
    /// The text is not JSON or an entry is malformed. The message's first line says how many problems there are; each
    /// following line is one problem, led by its JSON path: <c>$.acceptedRisks[2].expires: expected a date yyyy-MM-dd; found "30/06/2027"</c>.
    /// </exception>
    public static IReadOnlyList<AcceptedRisk> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Invalid([string.Create(CultureInfo.InvariantCulture, $"$: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}")]);
        }

        using (document)
        {
            var errors = new List<string>();
            var risks = new List<AcceptedRisk>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid([$"$: expected an object {{\"acceptedRisks\": [...]}}; found {Describe(root)}"]);
            }

            if (!root.TryGetProperty("acceptedRisks", out var list))
            {
                throw Invalid(["$.acceptedRisks: missing; expected an array of accepted risks (it may be empty)"]);
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid([$"$.acceptedRisks: expected an array of accepted risks; found {Describe(list)}"]);
            }

            int i = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (Entry(item, string.Create(CultureInfo.InvariantCulture, $"$.acceptedRisks[{i}]"), errors) is { } risk)
                {
                    risks.Add(risk);
                }

                i++;
            }

            return errors.Count == 0 ? risks.ToArray() : throw Invalid(errors);
        }
    }

    /// <summary>Reads and parses the accepted-risks file at <paramref name="path"/>.</summary>
    /// <param name="path">The file (UTF-8).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="FormatException">The file is malformed (see <see cref="Parse"/>).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<IReadOnlyList<AcceptedRisk>> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
    }

    private static AcceptedRisk? Entry(JsonElement item, string path, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object with code, reason, acceptedBy and expires; found {Describe(item)}");
            return null;
        }

        int before = errors.Count;
        string? code = Text(item, path, "code", required: true, errors);
        if (code is not null && !AuthDiagnosticsOptionsValidator.IsCodeForm(code))
        {
            errors.Add($"{path}.code: expected a catalog code such as \"APW010\"; found {Quoted(code)}");
        }
        else if (code is not null && !AuthDiagnosticsOptionsValidator.IsCatalogCode(code))
        {
            errors.Add($"{path}.code: {code} is not a code of the catalog (APW001 to APW099)");
        }

        string? user = Text(item, path, "user", required: false, errors);
        string? policyId = Text(item, path, "policyId", required: false, errors);
        string? reason = Text(item, path, "reason", required: true, errors);
        string? acceptedBy = Text(item, path, "acceptedBy", required: true, errors);
        DateOnly? expires = null;
        if (Text(item, path, "expires", required: true, errors, expectation: "a date yyyy-MM-dd") is { } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                expires = parsed;
            }
            else
            {
                errors.Add($"{path}.expires: expected a date yyyy-MM-dd; found {Quoted(date)}");
            }
        }

        return errors.Count > before ? null : new AcceptedRisk(code!, reason!, acceptedBy!, expires!.Value) { User = user, PolicyId = policyId };
    }

    /// <summary>
    /// A string member, trimmed: a required one must be present and not blank; an optional one may be absent or
    /// <c>null</c> (then <see langword="null"/>), but not blank.
    /// </summary>
    private static string? Text(JsonElement item, string path, string name, bool required, List<string> errors, string expectation = "a non-empty string")
    {
        if (!item.TryGetProperty(name, out var value) || (!required && value.ValueKind == JsonValueKind.Null))
        {
            if (required)
            {
                errors.Add($"{path}.{name}: missing; expected {expectation}");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}.{name}: expected {(required ? expectation : expectation + " or null")}; found {Describe(value)}");
            return null;
        }

        string text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            errors.Add($"{path}.{name}: expected {(required ? expectation : expectation + " or null")}; found an empty string");
            return null;
        }

        return text;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the string " + Quoted(value.GetString()!),
        JsonValueKind.Number => "the number " + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    /// <summary>A value as a JSON string literal (quoted, escaped), as the file would hold it.</summary>
    private static string Quoted(string value) => $"\"{JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value}\"";

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static FormatException Invalid(IReadOnlyList<string> errors) =>
        new($"The accepted risks are not valid ({(errors.Count == 1 ? "1 problem" : $"{errors.Count} problems")}):\n{string.Join("\n", errors)}");
}
