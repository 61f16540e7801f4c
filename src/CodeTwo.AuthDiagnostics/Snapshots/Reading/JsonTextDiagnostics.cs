using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Snapshots.Reading;

/// <summary>
/// Explains what is wrong with a UTF-8 document at the level of JSON text: empty, truncated, malformed (with the
/// common cases, comments and trailing commas, named as such), nested too deeply, a property name given twice in one
/// object, or a string whose <c>\u</c> escapes are not valid UTF-16. Decisions are made on the bytes and the token
/// stream, never on the wording of <see cref="JsonException"/> messages. Single pass, no recursion: a document of any
/// depth cannot exhaust the stack.
/// </summary>
internal static class JsonTextDiagnostics
{
    private const string OneDocument = "expected one complete JSON document";

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>
    /// Cheap pre-check: whether the text holds a <c>\u</c> escape of a UTF-16 surrogate (<c>\uD800</c> to <c>\uDFFF</c>).
    /// Only such escapes can make a string invalid once the bytes are known to be valid UTF-8; when this is false,
    /// <see cref="Diagnose"/> cannot find an invalid string.
    /// </summary>
    public static bool MayHoldSurrogateEscape(ReadOnlySpan<byte> json)
    {
        int offset = 0;
        while (true)
        {
            int found = json[offset..].IndexOf("\\u"u8);
            if (found < 0)
            {
                return false;
            }

            int at = offset + found + 2;
            if (at + 1 < json.Length && (json[at] | 0x20) == 'd' && IsSurrogateSecondDigit(json[at + 1]))
            {
                return true;
            }

            offset = at;
        }
    }

    /// <summary>
    /// The first problem of the JSON text, or <see langword="null"/> when the text is one well-formed document within
    /// <paramref name="maxDepth"/> whose strings are valid (and, with <paramref name="checkDuplicates"/>, whose objects
    /// have no repeated property names).
    /// </summary>
    /// <param name="json">UTF-8 text, already known to be valid UTF-8 and without a byte-order mark.</param>
    /// <param name="maxDepth">The largest nesting depth accepted (<see cref="SnapshotReaderOptions.MaxDepth"/>).</param>
    /// <param name="checkDuplicates">Also report a property name that occurs twice in one object.</param>
    public static SnapshotFormatError? Diagnose(ReadOnlySpan<byte> json, int maxDepth, bool checkDuplicates)
    {
        if (json.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return new SnapshotFormatError("$", json.IsEmpty ? "an empty document" : "a document of only whitespace", OneDocument);
        }

        // The reader is allowed one level more than the limit so that this method, not the reader, reports the depth.
        var options = ReaderOptions;
        options.MaxDepth = maxDepth + 1;
        var reader = new Utf8JsonReader(json, isFinalBlock: true, new JsonReaderState(options));
        var path = new PathTracker();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= maxDepth)
                        {
                            var (line, column) = Position(json, reader.TokenStartIndex);
                            return new SnapshotFormatError(
                                "$",
                                $"nesting deeper than {maxDepth} levels at line {line}, byte {column}",
                                $"expected at most {maxDepth} levels (SnapshotReaderOptions.MaxDepth)");
                        }

                        path.BeginValue();
                        path.Push(reader.TokenType == JsonTokenType.StartArray, checkDuplicates);
                        break;

                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.Pop();
                        path.EndValue();
                        break;

                    case JsonTokenType.PropertyName:
                        if (!TryGetString(ref reader, out string? name))
                        {
                            return new SnapshotFormatError(
                                path.ToString(),
                                $"property name {Raw(reader)} with an unpaired UTF-16 surrogate escape",
                                "expected valid Unicode text");
                        }

                        if (!path.SetProperty(name))
                        {
                            return new SnapshotFormatError(
                                path.ToString(),
                                $"a second \"{Truncate(name)}\" property in the same object",
                                "expected each property name at most once per object");
                        }

                        break;

                    case JsonTokenType.String:
                        path.BeginValue();
                        if (!TryGetString(ref reader, out _))
                        {
                            return new SnapshotFormatError(
                                path.ToString(),
                                $"string {Raw(reader)} with an unpaired UTF-16 surrogate escape",
                                "expected valid Unicode text");
                        }

                        path.EndValue();
                        break;

                    default:
                        path.BeginValue();
                        path.EndValue();
                        break;
                }
            }

            return null;
        }
        catch (JsonException e)
        {
            return Syntax(json, e);
        }
    }

    private static SnapshotFormatError Syntax(ReadOnlySpan<byte> json, JsonException e)
    {
        long lineIndex = e.LineNumber ?? 0;
        long column = e.BytePositionInLine ?? 0;
        int offset = (int)Math.Min(LineStart(json, lineIndex) + column, json.Length);
        string position = $"line {(lineIndex + 1).ToString(CultureInfo.InvariantCulture)}, byte {(column + 1).ToString(CultureInfo.InvariantCulture)}";

        if (IsValidPrefix(json))
        {
            var (endLine, endColumn) = Position(json, json.TrimEnd(" \t\r\n"u8).Length - 1);
            return new SnapshotFormatError("$", $"truncated JSON: the document ends at line {endLine}, byte {endColumn}, before it is complete", OneDocument);
        }

        var rest = json[offset..];
        if (rest.StartsWith("//"u8) || rest.StartsWith("/*"u8))
        {
            return new SnapshotFormatError("$", $"a comment at {position}", "expected JSON without comments");
        }

        if (offset < json.Length && json[offset] is (byte)'}' or (byte)']' && json[..offset].TrimEnd(" \t\r\n"u8) is [.., (byte)','])
        {
            return new SnapshotFormatError("$", $"a trailing comma before '{(char)json[offset]}' at {position}", "expected JSON without trailing commas");
        }

        return new SnapshotFormatError("$", $"malformed JSON at {position} ({Reason(e)})", OneDocument);
    }

    /// <summary>Whether the text is the beginning of a valid document: more text could complete it.</summary>
    private static bool IsValidPrefix(ReadOnlySpan<byte> json)
    {
        var options = ReaderOptions;
        options.MaxDepth = int.MaxValue;
        var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(options));
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Reason(JsonException e)
    {
        string reason = e.Message;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? reason[..cut].TrimEnd() : reason;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }

    private static string Raw(Utf8JsonReader reader) => "\"" + Truncate(Encoding.UTF8.GetString(reader.ValueSpan)) + "\"";

    private static string Truncate(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    private static bool IsSurrogateSecondDigit(byte b) => b is (byte)'8' or (byte)'9' || (b | 0x20) is >= 'a' and <= 'f';

    private static long LineStart(ReadOnlySpan<byte> json, long lineIndex)
    {
        long start = 0;
        for (long line = 0; line < lineIndex; line++)
        {
            int next = json[(int)start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            start += next + 1;
        }

        return start;
    }

    private static (long Line, long Column) Position(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)offset];
        long line = before.Count((byte)'\n') + 1;
        long column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return (line, column);
    }

    /// <summary>The JSONPath of the current token, kept without recursion.</summary>
    private sealed class PathTracker
    {
        private readonly List<Frame> frames = [];

        public void Push(bool isArray, bool trackNames) =>
            frames.Add(new Frame { IsArray = isArray, Index = -1, Names = !isArray && trackNames ? new HashSet<string>(StringComparer.Ordinal) : null });

        public void Pop() => frames.RemoveAt(frames.Count - 1);

        /// <summary>A value starts in the current container: in an array it takes the next index.</summary>
        public void BeginValue()
        {
            if (frames.Count > 0 && frames[^1].IsArray)
            {
                frames[^1].Index++;
            }
        }

        /// <summary>The value is complete: in an object the next token is a property name again.</summary>
        public void EndValue()
        {
            if (frames.Count > 0 && !frames[^1].IsArray)
            {
                frames[^1].Name = null;
            }
        }

        /// <summary>Records the property name; false when the object already has a property of that name.</summary>
        public bool SetProperty(string name)
        {
            var frame = frames[^1];
            frame.Name = name;
            return frame.Names?.Add(name) ?? true;
        }

        public override string ToString()
        {
            var text = new StringBuilder("$", 64);
            foreach (var frame in frames)
            {
                if (frame.IsArray && frame.Index >= 0)
                {
                    JsonReadContext.AppendIndex(text, frame.Index);
                }
                else if (!frame.IsArray && frame.Name is not null)
                {
                    JsonReadContext.AppendName(text, frame.Name);
                }
            }

            return text.ToString();
        }

        private sealed class Frame
        {
            public bool IsArray { get; init; }

            public int Index { get; set; }

            public string? Name { get; set; }

            public HashSet<string>? Names { get; init; }
        }
    }
}
