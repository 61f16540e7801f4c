using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CodeTwo.AuthDiagnostics.Snapshots.Reading;

/// <summary>
/// Walks a parsed document on behalf of the reader: keeps the JSONPath of the current position (without
/// allocating per node), reads typed values, and records an error for every mismatch instead of throwing.
/// </summary>
internal sealed partial class JsonReadContext
{
    private readonly List<Segment> path = new(24);
    private readonly int maxErrors;

    public JsonReadContext(int maxErrors) => this.maxErrors = maxErrors;

    public List<SnapshotFormatError> Errors { get; } = [];

    public bool ErrorLimitReached => Errors.Count >= maxErrors;

    public Scope Enter(string name)
    {
        path.Add(new Segment(name, -1));
        return new Scope(this);
    }

    public Scope Enter(int index)
    {
        path.Add(new Segment(null, index));
        return new Scope(this);
    }

    public string CurrentPath(string? child = null)
    {
        var text = new StringBuilder("$", 64);
        foreach (var segment in path)
        {
            Append(text, segment);
        }

        if (child is not null)
        {
            Append(text, new Segment(child, -1));
        }

        return text.ToString();
    }

    public void Error(string found, string expected) => AddError(CurrentPath(), found, expected);

    public void ErrorAt(string child, string found, string expected) => AddError(CurrentPath(child), found, expected);

    public void AddError(string jsonPath, string found, string expected)
    {
        if (Errors.Count < maxErrors)
        {
            Errors.Add(new SnapshotFormatError(jsonPath, found, expected));
        }
        else
        {
            Truncated = true;
        }
    }

    /// <summary>Whether errors were dropped, or the walk stopped early, because the error limit was reached.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Cancels a long walk (checked every few hundred users).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Records that the walk stopped early at the error limit.</summary>
    public void StoppedAtLimit() => Truncated = true;

    // ----- typed reads of a property of an object -----

    /// <summary>The property, if present and not null.</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public string? String(JsonElement obj, string name, string? requiredBecause = null)
    {
        if (!TryGet(obj, name, out var value))
        {
            Missing(obj, name, requiredBecause);
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            ErrorAt(name, Describe(value), "expected a string");
            return null;
        }

        return value.GetString();
    }

    public bool? Bool(JsonElement obj, string name, string? requiredBecause = null)
    {
        if (!TryGet(obj, name, out var value))
        {
            Missing(obj, name, requiredBecause);
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        ErrorAt(name, Describe(value), "expected true or false");
        return null;
    }

    public int? Int(JsonElement obj, string name, string? requiredBecause = null)
    {
        if (!TryGet(obj, name, out var value))
        {
            Missing(obj, name, requiredBecause);
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number))
        {
            return number;
        }

        ErrorAt(name, Describe(value), "expected an integer");
        return null;
    }

    public Guid? Guid(JsonElement obj, string name, string? requiredBecause = null)
    {
        string? text = String(obj, name, requiredBecause);
        if (text is null)
        {
            return null;
        }

        if (System.Guid.TryParseExact(text, "D", out var guid))
        {
            return guid;
        }

        ErrorAt(name, Describe(text), "expected a GUID such as 6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10");
        return null;
    }

    public DateTimeOffset? Instant(JsonElement obj, string name, string? requiredBecause = null)
    {
        string? text = String(obj, name, requiredBecause);
        if (text is null)
        {
            return null;
        }

        if (IsoInstant().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        ErrorAt(name, Describe(text), "expected an ISO-8601 instant with Z or a UTC offset, such as 2026-11-24T09:30:00Z");
        return null;
    }

    public TEnum? Enum<TEnum>(JsonElement obj, string name, GraphEnumMap<TEnum> map, out string? raw, string? requiredBecause = null)
        where TEnum : struct, Enum
    {
        raw = String(obj, name, requiredBecause);
        return raw is null ? null : map.Parse(raw);
    }

    /// <summary>A property that must be an object (or absent / null, which yields false).</summary>
    public bool Object(JsonElement obj, string name, out JsonElement value, string? requiredBecause = null)
    {
        if (!TryGet(obj, name, out value))
        {
            Missing(obj, name, requiredBecause);
            return false;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            ErrorAt(name, Describe(value), "expected an object");
            return false;
        }

        return true;
    }

    /// <summary>A property that must be an array (or absent / null, which yields false).</summary>
    public bool Array(JsonElement obj, string name, out JsonElement value, string? requiredBecause = null)
    {
        if (!TryGet(obj, name, out value))
        {
            Missing(obj, name, requiredBecause);
            return false;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            ErrorAt(name, Describe(value), "expected an array");
            return false;
        }

        return true;
    }

    /// <summary>An array of strings; absent or null gives an empty list.</summary>
    public IReadOnlyList<string> StringArray(JsonElement obj, string name)
    {
        if (!Array(obj, name, out var array))
        {
            return [];
        }

        int length = array.GetArrayLength();
        if (length == 0)
        {
            return [];
        }

        var items = new List<string>(length);
        using var scope = Enter(name);
        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                AddError(CurrentPath() + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", Describe(item), "expected a string");
            }

            index++;
        }

        return items.ToArray();
    }

    /// <summary>An array of enum strings; absent or null gives an empty list.</summary>
    public IReadOnlyList<TEnum> EnumArray<TEnum>(JsonElement obj, string name, GraphEnumMap<TEnum> map, out IReadOnlyList<string> raw)
        where TEnum : struct, Enum
    {
        raw = StringArray(obj, name);
        if (raw.Count == 0)
        {
            return [];
        }

        var values = new TEnum[raw.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = map.Parse(raw[i]);
        }

        return values;
    }

    /// <summary>Checks that <paramref name="value"/> is an object; records an error at the current path otherwise.</summary>
    public bool ExpectObject(JsonElement value, string what)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(Describe(value), $"expected an object ({what})");
        return false;
    }

    /// <summary>Describes a JSON value for an error message: <c>string "yes"</c>, <c>number 42</c>, <c>array</c>, …</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Describe(value.GetString() ?? string.Empty),
        JsonValueKind.Number => "number " + Truncate(value.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.ValueKind.ToString(),
    };

    public static string Describe(string text) => "string \"" + Truncate(text) + "\"";

    private static string Truncate(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    private void Missing(JsonElement obj, string name, string? requiredBecause)
    {
        if (requiredBecause is not null)
        {
            ErrorAt(name, Absence(obj, name), requiredBecause);
        }
    }

    /// <summary>How a required property that <see cref="TryGet"/> did not find is absent: <c>missing</c> or <c>null</c>.</summary>
    public static string Absence(JsonElement obj, string name) => obj.TryGetProperty(name, out _) ? "null" : "missing";

    private static void Append(StringBuilder text, Segment segment)
    {
        if (segment.Name is null)
        {
            AppendIndex(text, segment.Index);
        }
        else
        {
            AppendName(text, segment.Name);
        }
    }

    /// <summary>Appends an array index to a JSONPath: <c>[3]</c>.</summary>
    public static void AppendIndex(StringBuilder text, int index) =>
        text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');

    /// <summary>Appends a member to a JSONPath: <c>.name</c>, or <c>['@odata.type']</c> when it is not an identifier.</summary>
    public static void AppendName(StringBuilder text, string name)
    {
        if (IsIdentifier(name))
        {
            text.Append('.').Append(name);
        }
        else
        {
            text.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
        }
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();

    private readonly record struct Segment(string? Name, int Index);

    public readonly ref struct Scope
    {
        private readonly JsonReadContext context;

        public Scope(JsonReadContext context) => this.context = context;

        public void Dispose() => context.path.RemoveAt(context.path.Count - 1);
    }
}
