using System.Text;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using static CodeTwo.AuthDiagnostics.Tests.Snapshots.SnapshotDocuments;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>
/// Bad input at the level of the text: not JSON, not UTF-8, too deep, a property given twice, strings that are not
/// valid Unicode. The reader says what it found and where, never by relaying a parser's message alone.
/// </summary>
public sealed class SnapshotReaderJsonTextTests
{
    private const string OneDocument = "expected one complete JSON document";
    private const string Utf8Expected = "expected a UTF-8 encoded JSON document";

    private static readonly Dictionary<string, (string Json, string[] Messages)> Cases = new()
    {
        // ----- not JSON -----
        ["empty input"] = ("", ["$: an empty document; " + OneDocument]),
        ["whitespace only"] = (" \r\n\t \n ", ["$: a document of only whitespace; " + OneDocument]),
        ["truncated after the opening brace"] = ("{", ["$: truncated JSON: the document ends at line 1, byte 1, before it is complete; " + OneDocument]),
        ["truncated after a comma"] = ("""{"schemaVersion":1,""", ["$: truncated JSON: the document ends at line 1, byte 19, before it is complete; " + OneDocument]),
        ["truncated inside a property name"] = ("""{"schemaVersion":1,"capt""", ["$: truncated JSON: the document ends at line 1, byte 24, before it is complete; " + OneDocument]),
        ["truncated inside a number"] = ("""{"users":[1,23""", ["$: truncated JSON: the document ends at line 1, byte 14, before it is complete; " + OneDocument]),
        ["truncated inside a literal"] = ("{\n  \"a\": tr", ["$: truncated JSON: the document ends at line 2, byte 9, before it is complete; " + OneDocument]),
        ["truncated after the tenant sections"] = (Full[..Full.IndexOf("\n  \"users\": [", StringComparison.Ordinal)],
            [$"$: truncated JSON: the document ends at line {Full[..Full.IndexOf("\n  \"users\": [", StringComparison.Ordinal)].Count(c => c == '\n') + 1}, byte 4, before it is complete; " + OneDocument]),
        ["trailing comma in an object"] = ("{\"schemaVersion\": 1,\n}", ["$: a trailing comma before '}' at line 2, byte 1; expected JSON without trailing commas"]),
        ["trailing comma in an array"] = ("""{"missingUsers": ["a@contoso.com", ]}""", ["$: a trailing comma before ']' at line 1, byte 36; expected JSON without trailing commas"]),
        ["block comment"] = ("""{ /* captured by hand */ "schemaVersion": 1 }""", ["$: a comment at line 1, byte 3; expected JSON without comments"]),
        ["line comment"] = ("// exported from Graph Explorer\n{}", ["$: a comment at line 1, byte 1; expected JSON without comments"]),
        ["two documents"] = ("{} {}", ["$: malformed JSON at line 1, byte 4 ('{' is invalid after a single JSON value. Expected end of data.); " + OneDocument]),
        ["single-quoted names"] = ("{'schemaVersion': 1}", ["$: malformed JSON at line 1, byte 2 (''' is an invalid start of a property name. Expected a '\"'.); " + OneDocument]),

        // ----- a property given twice -----
        ["duplicate envelope property"] = ("""{"schemaVersion":1,"schemaVersion":2}""", ["$.schemaVersion: a second \"schemaVersion\" property in the same object; expected each property name at most once per object"]),
        ["duplicate property in a payload"] = (FullWith(d => User(d, 1)["displayName"] = "X").Replace("\"displayName\":\"X\"", "\"displayName\":\"X\",\"displayName\":\"Y\"", StringComparison.Ordinal),
            ["$.users[1].user.displayName: a second \"displayName\" property in the same object; expected each property name at most once per object"]),

        // ----- text that parses but is not valid Unicode -----
        ["unpaired surrogate escape in a value"] = (Full.Replace("\"CodeTwo Backup\"", "\"CodeTwo \\ud83d Backup\"", StringComparison.Ordinal),
            ["$.users[0].user.displayName: string \"CodeTwo \\ud83d Backup\" with an unpaired UTF-16 surrogate escape; expected valid Unicode text"]),
        ["unpaired surrogate escape in a property name"] = (Full.Replace("\"phoneType\"", "\"phone\\uDC00Type\"", StringComparison.Ordinal),
            ["$.users[0].sections.authenticationMethods.value[1]: property name \"phone\\uDC00Type\" with an unpaired UTF-16 surrogate escape; expected valid Unicode text"]),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Text_that_is_not_one_well_formed_document_is_rejected_saying_what_and_where(string name)
    {
        var (json, messages) = Cases[name];

        Messages(Errors(json)).Should().Equal(messages);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_same_text_read_as_bytes_gives_the_same_errors(string name)
    {
        var (json, messages) = Cases[name];

        Messages(Errors(Utf8(json))).Should().Equal(messages);
    }

    [Fact]
    public void A_surrogate_pair_written_as_escapes_is_valid_text()
    {
        var snapshot = Read(Full.Replace("\"CodeTwo Backup\"", "\"CodeTwo \\ud83d\\udcbe Backup\"", StringComparison.Ordinal));

        snapshot.Users[0].User.DisplayName.Should().Be("CodeTwo \U0001F4BE Backup");
    }

    [Fact]
    public void A_string_holding_half_of_a_surrogate_pair_is_rejected_where_it_is()
    {
        string json = Full.Replace("CodeTwo Backup", "CodeTwo \ud83d Backup", StringComparison.Ordinal);
        int index = json.IndexOf('\ud83d', StringComparison.Ordinal);

        Messages(Errors(json)).Should().Equal($"$: an unpaired UTF-16 surrogate (U+D83D) at character {index + 1}; expected valid Unicode text");
    }

    public static TheoryData<string, byte[], string> InvalidUtf8 => new()
    {
        { "a stray byte at the start", [0xFF, .. Utf8(Full)], "$: invalid UTF-8 (byte 0xFF) at line 1, byte 1; " + Utf8Expected },
        { "a UTF-16 byte-order mark", [0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0], "$: invalid UTF-8 (byte 0xFF) at line 1, byte 1; " + Utf8Expected },
        { "a Latin-1 é on line 3", Latin1("{\n  \"schemaVersion\": 1,\n  \"cloud\": \"Québec\"\n}"), "$: invalid UTF-8 (byte 0xE9) at line 3, byte 15; " + Utf8Expected },
        { "a sequence cut short", [.. Utf8("{\"a\":\""), 0xC3, .. Utf8("\"}")], "$: invalid UTF-8 (byte 0xC3) at line 1, byte 7; " + Utf8Expected },
        { "an overlong encoding", [.. Utf8("{\"a\":\""), 0xC0, 0xAF, .. Utf8("\"}")], "$: invalid UTF-8 (byte 0xC0) at line 1, byte 7; " + Utf8Expected },
        { "an encoded surrogate", [.. Utf8("{\"a\":\""), 0xED, 0xA0, 0x80, .. Utf8("\"}")], "$: invalid UTF-8 (byte 0xED) at line 1, byte 7; " + Utf8Expected },
        { "half of a byte-order mark", [0xEF, 0xBB, .. Utf8(Full)], "$: invalid UTF-8 (byte 0xEF) at line 1, byte 1; " + Utf8Expected },
        { "only a byte-order mark", [0xEF, 0xBB, 0xBF], "$: an empty document; " + OneDocument },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void Bytes_that_are_not_UTF8_are_rejected_with_their_position(string what, byte[] bytes, string message)
    {
        _ = what;
        Messages(Errors(bytes)).Should().Equal(message);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_accepted_in_bytes_and_in_strings()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Utf8(Full)];

        new SnapshotReader().Read(new ReadOnlyMemory<byte>(withBom)).TenantId.Should().Be(Guid.Parse(TenantId));
        new SnapshotReader().Read("\uFEFF" + Full).TenantId.Should().Be(Guid.Parse(TenantId));
    }

    [Fact]
    public async Task A_UTF8_byte_order_mark_is_accepted_in_a_stream()
    {
        using var stream = new MemoryStream([0xEF, 0xBB, 0xBF, .. Utf8(Full)]);

        var snapshot = await new SnapshotReader().ReadAsync(stream, TestContext.Current.CancellationToken);

        snapshot.Users.Should().HaveCount(2);
    }

    // ----- depth -----

    [Fact]
    public void Nesting_100000_levels_deep_is_rejected_naming_the_limit_without_running_out_of_stack()
    {
        const string prefix = "{\"schemaVersion\":1,\"x\":";
        string json = prefix + new string('[', 100_000) + new string(']', 100_000) + "}";

        // The envelope is level 1, so the 256th bracket opens level 257.
        Messages(Errors(json)).Should().Equal(
            $"$: nesting deeper than 256 levels at line 1, byte {prefix.Length + 256}; expected at most 256 levels (SnapshotReaderOptions.MaxDepth)");
    }

    [Fact]
    public void Objects_nested_100000_levels_deep_are_rejected_naming_the_limit()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 100_000; i++)
        {
            text.Append("{\"a\":");
        }

        Messages(Errors(Utf8(text.ToString()))).Should().Equal(
            $"$: nesting deeper than 256 levels at line 1, byte {(256 * 5) + 1}; expected at most 256 levels (SnapshotReaderOptions.MaxDepth)");
    }

    [Fact]
    public void MaxDepth_is_the_deepest_nesting_accepted()
    {
        var options = new SnapshotReaderOptions { MaxDepth = 10 };
        string Nested(int arrays) => Minimal[..^1] + ",\"x\":" + new string('[', arrays) + new string(']', arrays) + "}";

        // The envelope is one level: nine arrays inside it make ten.
        new SnapshotReader(options).Read(Nested(9)).Users.Should().BeEmpty();
        Messages(Errors(Nested(10), options)).Should().Equal(
            $"$: nesting deeper than 10 levels at line 1, byte {Minimal.Length - 1 + ",\"x\":".Length + 10}; expected at most 10 levels (SnapshotReaderOptions.MaxDepth)");
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}
