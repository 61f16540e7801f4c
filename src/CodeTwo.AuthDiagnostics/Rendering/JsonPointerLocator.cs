using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// Finds where JSON pointers (RFC 6901) point in a JSON document's UTF-8 text, as 1-based lines and columns (UTF-16
/// code units, SARIF's default <c>columnKind</c>), for many pointers in one pass: the wanted pointers form a tree, the
/// reader descends only into containers on it and skips everything else, and lines are counted (vectorised) only
/// between the places found. A member is located at its name, an array element at its value, the document (pointer
/// <c>""</c>) at line 1, column 1. A pointer the text does not hold is not in the answer.
/// </summary>
internal static class JsonPointerLocator
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    /// <summary>Locates every pointer of <paramref name="pointers"/> in <paramref name="utf8"/>.</summary>
    /// <param name="utf8">The document's text (a UTF-8 byte order mark is allowed).</param>
    /// <param name="pointers">The pointers (duplicates and malformed ones are fine; malformed ones are never found).</param>
    /// <returns>Each pointer found, with its line and column; text that is not JSON ends the search where it breaks.</returns>
    public static Dictionary<string, (int Line, int Column)> Locate(ReadOnlySpan<byte> utf8, IEnumerable<string> pointers)
    {
        ArgumentNullException.ThrowIfNull(pointers);
        var found = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var root = new Node();
        foreach (string pointer in pointers)
        {
            Add(root, pointer);
        }

        if (root.Pointer is { } whole)
        {
            found[whole] = (1, 1);
        }

        if (!root.HasChildren)
        {
            return found;
        }

        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var lines = new LineCounter(utf8);
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            if (reader.Read() && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                Walk(ref reader, root, found, ref lines);
            }
        }
        catch (JsonException)
        {
            // Not JSON (or not the snapshot that was diagnosed): what was found before the break stands.
        }

        return found;
    }

    /// <summary>The container the reader is on (its start token) is <paramref name="node"/>: finds its wanted children.</summary>
    private static void Walk(ref Utf8JsonReader reader, Node node, Dictionary<string, (int Line, int Column)> found, ref LineCounter lines)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var child = node.Member(ref reader);
                if (child is null)
                {
                    reader.Skip();
                    continue;
                }

                if (child.Pointer is { } pointer)
                {
                    found.TryAdd(pointer, lines.At((int)reader.TokenStartIndex));
                }

                reader.Read();
                if (child.HasChildren && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    Walk(ref reader, child, found, ref lines);
                }
                else
                {
                    reader.Skip();
                }
            }

            return;
        }

        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var child = node.Element(index++);
            if (child is null)
            {
                reader.Skip();
                continue;
            }

            if (child.Pointer is { } pointer)
            {
                found.TryAdd(pointer, lines.At((int)reader.TokenStartIndex));
            }

            if (child.HasChildren && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                Walk(ref reader, child, found, ref lines);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void Add(Node root, string pointer)
    {
        if (pointer.Length == 0)
        {
            root.Pointer = pointer;
            return;
        }

        if (pointer[0] != '/')
        {
            return;
        }

        var node = root;
        foreach (string raw in pointer[1..].Split('/'))
        {
            node = node.Child(raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        node.Pointer ??= pointer;
    }

    /// <summary>One segment of the wanted pointers: its children by member name (and, when the name is an index, by index).</summary>
    private sealed class Node
    {
        private Dictionary<string, Node>? members;
        private Dictionary<int, Node>? elements;
        private byte[][]? names;
        private Node[]? nodes;

        /// <summary>The pointer that ends here, if one does.</summary>
        public string? Pointer { get; set; }

        public bool HasChildren => members is not null;

        public Node Child(string segment)
        {
            members ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!members.TryGetValue(segment, out var child))
            {
                child = new Node();
                members.Add(segment, child);
                names = null;
                if (segment.Length > 0 && (segment == "0" || segment[0] != '0') && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    (elements ??= []).Add(index, child);
                }
            }

            return child;
        }

        /// <summary>The child named by the property name the reader is on, if wanted.</summary>
        public Node? Member(ref Utf8JsonReader reader)
        {
            if (members is null)
            {
                return null;
            }

            if (names is null)
            {
                names = members.Keys.Select(Encoding.UTF8.GetBytes).ToArray();
                nodes = members.Values.ToArray();
            }

            if (!reader.ValueIsEscaped)
            {
                var name = reader.ValueSpan;
                for (int i = 0; i < names.Length; i++)
                {
                    if (name.SequenceEqual(names[i]))
                    {
                        return nodes![i];
                    }
                }

                return null;
            }

            return members.GetValueOrDefault(reader.GetString()!);
        }

        public Node? Element(int index) => elements?.GetValueOrDefault(index);
    }

    /// <summary>Lines and columns of byte offsets given in increasing order: newlines are counted once, between them.</summary>
    private ref struct LineCounter(ReadOnlySpan<byte> text)
    {
        private readonly ReadOnlySpan<byte> text = text;
        private int counted;
        private int line = 1;
        private int lineStart;

        public (int Line, int Column) At(int offset)
        {
            if (offset > counted)
            {
                var between = text[counted..offset];
                int newlines = between.Count((byte)'\n');
                if (newlines > 0)
                {
                    line += newlines;
                    lineStart = counted + between.LastIndexOf((byte)'\n') + 1;
                }

                counted = offset;
            }

            return (line, Encoding.UTF8.GetCharCount(text[lineStart..offset]) + 1);
        }
    }
}
