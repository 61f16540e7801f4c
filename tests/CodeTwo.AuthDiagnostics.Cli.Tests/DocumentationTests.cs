namespace CodeTwo.AuthDiagnostics.Cli.Tests;

/// <summary>Keeps docs/snapshot-format.md honest: its examples are run through the real tool.</summary>
public sealed class DocumentationTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "snapshot-format.md")).ReplaceLineEndings("\n");

    [Fact]
    public async Task The_complete_example_is_valid_and_its_summary_is_the_one_shown()
    {
        using var temp = new TempDirectory();
        string example = CodeBlock("## A complete example", "json");
        string summary = CodeBlock("`c2authdiag validate --snapshot example.json` prints:", "text");
        string path = temp.Write("example.json", example);

        var run = await CliRun.RunAsync("validate", "--snapshot", path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(summary.Replace("'example.json'", $"'{path}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_validation_example_shows_what_validate_prints()
    {
        using var temp = new TempDirectory();
        string expected = CodeBlock("exits with code 2:", "text");
        var json = System.Text.Json.Nodes.JsonNode.Parse(CodeBlock("## A complete example", "json"))!;
        json["tenantId"] = "not-a-guid";
        json["sections"]!["securityDefaults"]!["value"]!["isEnabled"] = "yes";
        json["users"]![0]!["user"]!.AsObject().Remove("id");
        string path = temp.Write("tenant.json", Fixtures.ToJson(json));

        var run = await CliRun.RunAsync("validate", "--snapshot", path);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be(expected.Replace("'tenant.json'", $"'{path}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_exchangeOnline_example_is_a_valid_section_and_its_value_a_valid_settings_file()
    {
        using var temp = new TempDirectory();
        var section = System.Text.Json.Nodes.JsonNode.Parse("{" + CodeBlock("## The `exchangeOnline` section", "json") + "}")!["exchangeOnline"]!;
        var snapshot = System.Text.Json.Nodes.JsonNode.Parse(CodeBlock("## A complete example", "json"))!;
        snapshot["sections"]!["exchangeOnline"] = section.DeepClone();
        string settings = temp.Write("exchange-online.json", section["value"]!.ToJsonString());
        string tenant = temp.Write("tenant.json", Fixtures.ToJson(snapshot));

        var validate = await CliRun.RunAsync("validate", "--snapshot", tenant);
        var diagnose = await CliRun.RunAsync("diagnose", "--exchange-settings", settings);

        validate.ExitCode.Should().Be(0, validate.ToString());
        diagnose.ExitCode.Should().Be(0, diagnose.ToString());
    }

    [Fact]
    public async Task The_sign_in_section_examples_are_valid_user_sections()
    {
        using var temp = new TempDirectory();
        const string Heading = "## The `conditionalAccessEvaluation` and `signIns` sections";
        var sections = System.Text.Json.Nodes.JsonNode.Parse("{" + CodeBlock(Heading, "json") + "}")!;
        var failed = System.Text.Json.Nodes.JsonNode.Parse("{" + CodeBlock("Authentication_RequestFromNonPremiumTenantOrB2CTenant`, recorded as", "json") + "}")!;
        var snapshot = System.Text.Json.Nodes.JsonNode.Parse(CodeBlock("## A complete example", "json"))!;
        var user = snapshot["users"]![0]!["sections"]!.AsObject();
        user["conditionalAccessEvaluation"] = sections["conditionalAccessEvaluation"]!.DeepClone();
        user["signIns"] = sections["signIns"]!.DeepClone();
        string captured = temp.Write("captured.json", Fixtures.ToJson(snapshot));
        user["signIns"] = failed["signIns"]!.DeepClone();
        string withFailure = temp.Write("failed.json", Fixtures.ToJson(snapshot));

        foreach (string path in new[] { captured, withFailure })
        {
            var validate = await CliRun.RunAsync("validate", "--snapshot", path);
            validate.ExitCode.Should().Be(0, validate.ToString());
        }
    }

    /// <summary>The first fenced block of <paramref name="language"/> after <paramref name="marker"/>.</summary>
    private static string CodeBlock(string marker, string language)
    {
        int at = Document.IndexOf(marker, StringComparison.Ordinal);
        at.Should().BeGreaterThan(0, $"the document contains \"{marker}\"");
        string fence = "```" + language + "\n";
        int start = Document.IndexOf(fence, at, StringComparison.Ordinal) + fence.Length;
        int end = Document.IndexOf("```", start, StringComparison.Ordinal);
        return Document[start..end];
    }
}
