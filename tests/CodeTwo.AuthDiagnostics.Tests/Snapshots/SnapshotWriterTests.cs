using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;
using static CodeTwo.AuthDiagnostics.Tests.Snapshots.SnapshotDocuments;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>Canonical writing: read → write → read loses nothing, and the bytes are the same every time.</summary>
public sealed class SnapshotWriterTests
{
    [Fact]
    public void There_are_fixtures_to_test()
    {
        FixtureFiles.Should().NotBeEmpty($"the fixtures are copied to {FixtureFolder}");
    }

    [Theory]
    [MemberData(nameof(FixtureNames), MemberType = typeof(SnapshotDocuments))]
    public async Task A_fixture_survives_read_write_read_write_byte_for_byte(string fixture)
    {
        var snapshot = await new SnapshotReader().ReadFileAsync(FixturePath(fixture), TestContext.Current.CancellationToken);

        byte[] first = SnapshotWriter.ToUtf8Bytes(snapshot);
        byte[] second = SnapshotWriter.ToUtf8Bytes(new SnapshotReader().Read(new ReadOnlyMemory<byte>(first)));

        second.Should().Equal(first);
    }

    [Theory]
    [MemberData(nameof(FixtureNames), MemberType = typeof(SnapshotDocuments))]
    public async Task A_written_fixture_means_exactly_what_the_file_says(string fixture)
    {
        byte[] original = await File.ReadAllBytesAsync(FixturePath(fixture), TestContext.Current.CancellationToken);

        byte[] written = SnapshotWriter.ToUtf8Bytes(new SnapshotReader().Read(new ReadOnlyMemory<byte>(original)));

        var expected = JsonNode.Parse(original);
        var actual = JsonNode.Parse(written);
        PropertyPaths(actual).Should().BeEquivalentTo(PropertyPaths(expected), "every property, known to the model or not, is written back");
        JsonNode.DeepEquals(actual, expected).Should().BeTrue("the fixture has every section, so nothing is added or changed");
    }

    [Theory]
    [MemberData(nameof(FixtureNames), MemberType = typeof(SnapshotDocuments))]
    public async Task Written_fixtures_are_UTF8_without_BOM_with_LF_two_space_indents_and_a_final_newline(string fixture)
    {
        var snapshot = await new SnapshotReader().ReadFileAsync(FixturePath(fixture), TestContext.Current.CancellationToken);

        byte[] bytes = SnapshotWriter.ToUtf8Bytes(snapshot);

        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "there is no byte-order mark");
        bytes[0].Should().Be((byte)'{');
        bytes.Should().NotContain((byte)'\r');
        bytes.Should().NotContain((byte)'\t');
        bytes[^2..].Should().Equal((byte)'}', (byte)'\n');
        string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        AssertTwoSpaceIndentation(text);
        SnapshotWriter.ToJson(snapshot).Should().Be(text);
    }

    [Fact]
    public void Absent_sections_are_written_as_notCaptured_in_the_contract_order()
    {
        string written = SnapshotWriter.ToJson(Read(Minimal));

        written.Should().Be(
            """
            {
              "schemaVersion": 1,
              "capturedAt": "2026-11-24T09:30:00Z",
              "tenantId": "6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10",
              "cloud": "usGov",
              "sections": {
                "securityDefaults": {
                  "status": "notCaptured"
                },
                "conditionalAccessPolicies": {
                  "status": "notCaptured"
                },
                "authenticationMethodsPolicy": {
                  "status": "notCaptured"
                },
                "mfaServicePolicy": {
                  "status": "notCaptured"
                },
                "domains": {
                  "status": "notCaptured"
                },
                "subscribedSkus": {
                  "status": "notCaptured"
                }
              },
              "users": []
            }

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Absent_user_sections_are_written_as_notCaptured()
    {
        string json = FullWith(d => d["users"]![1]!.AsObject().Remove("sections"));

        var written = JsonNode.Parse(SnapshotWriter.ToJson(Read(json)))!;

        JsonNode.DeepEquals(
            written["users"]![1]!["sections"],
            JsonNode.Parse("""
                {
                  "authenticationRequirements": { "status": "notCaptured" },
                  "authenticationMethods": { "status": "notCaptured" },
                  "transitiveMemberOf": { "status": "notCaptured" }
                }
                """)).Should().BeTrue();
    }

    [Fact]
    public void The_full_test_document_survives_a_round_trip()
    {
        byte[] written = SnapshotWriter.ToUtf8Bytes(Read(Full));

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(Full)).Should().BeTrue();
        SnapshotWriter.ToUtf8Bytes(new SnapshotReader().Read(new ReadOnlyMemory<byte>(written))).Should().Equal(written);
    }

    [Fact]
    public void Unknown_properties_of_every_payload_survive_exactly()
    {
        const string future = """{ "nested": [ 1, "two", null, true, 1.5e3, { "deeper": [] } ], "when": "2030-01-01T00:00:00Z" }""";
        string json = FullWith(d =>
        {
            Section(d, "securityDefaults")["value"]!["futureSetting"] = JsonNode.Parse(future);
            Policy(d, 0)["futureSetting"] = JsonNode.Parse(future);
            Policy(d, 0)["conditions"]!["futureCondition"] = JsonNode.Parse(future);
            Section(d, "domains")["value"]![0]!["futureSetting"] = JsonNode.Parse(future);
            User(d, 0)["futureSetting"] = JsonNode.Parse(future);
            UserSection(d, 0, "authenticationRequirements")["value"]!["futureSetting"] = JsonNode.Parse(future);
            UserSection(d, 0, "authenticationMethods")["value"]![0]!["futureSetting"] = JsonNode.Parse(future);
        });

        string written = SnapshotWriter.ToJson(Read(json));

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(json)).Should().BeTrue();
        written.Should().Contain("1.5e3", "numbers are written as they were captured");
    }

    [Fact]
    public void Instants_are_written_in_UTC_with_the_fraction_only_when_there_is_one()
    {
        JsonNode.Parse(SnapshotWriter.ToJson(Read(FullWith(d => d["capturedAt"] = "2026-11-24T10:30:00+01:00"))))!["capturedAt"]!
            .GetValue<string>().Should().Be("2026-11-24T09:30:00Z");
        JsonNode.Parse(SnapshotWriter.ToJson(Read(FullWith(d => d["capturedAt"] = "2026-11-24T09:30:00.1250000Z"))))!["capturedAt"]!
            .GetValue<string>().Should().Be("2026-11-24T09:30:00.125Z");
    }

    [Fact]
    public async Task WriteFileAsync_and_Write_give_the_same_bytes_as_ToUtf8Bytes()
    {
        var snapshot = Read(Full);
        byte[] expected = SnapshotWriter.ToUtf8Bytes(snapshot);
        string path = Path.Combine(Path.GetTempPath(), "c2-written-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            await SnapshotWriter.WriteFileAsync(snapshot, path, cancellationToken: TestContext.Current.CancellationToken);
            using var stream = new MemoryStream();
            SnapshotWriter.Write(snapshot, stream);

            (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).Should().Equal(expected);
            stream.ToArray().Should().Equal(expected);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_document_at_the_deepest_nesting_allowed_can_be_read_written_and_redacted()
    {
        var options = new SnapshotReaderOptions { MaxDepth = 1000 };
        string deep = new string('[', 990) + "\"deep\"" + new string(']', 990);
        string json = FullWith(d => User(d, 0)["extension"] = "PLACEHOLDER").Replace("\"PLACEHOLDER\"", deep, StringComparison.Ordinal);

        var snapshot = new SnapshotReader(options).Read(json);
        byte[] written = SnapshotWriter.ToUtf8Bytes(snapshot);
        byte[] redacted = SnapshotWriter.ToUtf8Bytes(snapshot, new SnapshotWriterOptions { Redact = true });

        var reread = new SnapshotReader(options).Read(new ReadOnlyMemory<byte>(written));
        JsonNode.DeepEquals(JsonNode.Parse(reread.Users[0].User.Json.GetProperty("extension").GetRawText(), documentOptions: new JsonDocumentOptions { MaxDepth = 1000 }),
            JsonNode.Parse(deep, documentOptions: new JsonDocumentOptions { MaxDepth = 1000 })).Should().BeTrue();
        new SnapshotReader(options).Read(new ReadOnlyMemory<byte>(redacted)).Users.Should().HaveCount(2);
    }

    /// <summary>Each line is indented by two spaces per level of the brackets still open before it.</summary>
    private static void AssertTwoSpaceIndentation(string text)
    {
        string[] lines = text.Split('\n');
        lines[^1].Should().BeEmpty("the document ends with exactly one newline");
        int depth = 0;
        for (int i = 0; i < lines.Length - 1; i++)
        {
            string line = lines[i];
            string content = line.TrimStart(' ');
            int closing = content.Length > 0 && content[0] is '}' or ']' ? 1 : 0;
            (line.Length - content.Length).Should().Be(2 * (depth - closing), $"line {i + 1} is \"{line}\"");
            depth += Opened(content);
        }

        depth.Should().Be(0);
    }

    /// <summary>Brackets opened minus brackets closed on one line, outside strings.</summary>
    private static int Opened(string line)
    {
        int balance = 0;
        bool inString = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                balance++;
            }
            else if (c is '}' or ']')
            {
                balance--;
            }
        }

        return balance;
    }

    private static List<string> PropertyPaths(JsonNode? root)
    {
        var paths = new List<string>();
        var stack = new Stack<(JsonNode? Node, string Path)>();
        stack.Push((root, "$"));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (node is JsonObject obj)
            {
                foreach (var (name, child) in obj)
                {
                    paths.Add(path + "['" + name + "']");
                    stack.Push((child, path + "['" + name + "']"));
                }
            }
            else if (node is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    stack.Push((array[i], path + "[" + i + "]"));
                }
            }
        }

        return paths;
    }
}
