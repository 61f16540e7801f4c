using System.Text;
using System.Text.RegularExpressions;

using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Tests.Rendering;

/// <summary>
/// Policy names are chosen by tenant admins (and, through a shared snapshot, by anyone who edits one). Whatever they
/// contain must stay text: it may not add Markdown structure, run as PowerShell, or send escape sequences to a
/// terminal.
/// </summary>
public sealed class HostileTextTests
{
    /// <summary>Markdown markup, HTML, a line break into a heading, PowerShell comment and string breakouts (ASCII and typographic quotes), an ANSI escape.</summary>
    private const string HostileName =
        "Block *legacy* `auth` <img src=x onerror=alert(1)> [click](https://evil.example) & &lt; ~~x~~ | a\n# Injected heading\r\n"
        + "#> Remove-MgUser -UserId evil1 ' ; Remove-MgUser -UserId evil2 ; '\u2019; Remove-MgUser -UserId evil3; \u2018 \u001b[31mred\u001b[0m";

    private static DiagnosisResult Diagnosed()
    {
        var fixture = Baseline.WithPolicies(new CaPolicy { DisplayName = HostileName }).With(root => root.PerUserMfa("disabled"));
        var diagnosis = Diagnose.User(fixture);
        diagnosis.Plan.Steps.Should().Contain(s => s.Title.Contains("Remove-MgUser", StringComparison.Ordinal), "the test needs the name in a plan step");
        return diagnosis;
    }

    [Fact]
    public void Markdown_report_keeps_a_hostile_policy_name_as_text()
    {
        string markdown = DiagnosisMarkdown.Render(Diagnosed());

        AssertInertMarkdown(markdown);
        markdown.Should().Contain(@"Block \*legacy\* \`auth\` \<img src=x onerror=alert(1)> \[click\](https://evil.example) & \&lt; \~\~x\~\~ | a # Injected heading");
    }

    [Fact]
    public void Markdown_runbook_keeps_a_hostile_policy_name_as_text()
    {
        var diagnosis = Diagnosed();
        string markdown = PlanMarkdown.Render(diagnosis.Plan, "a*b*`c`@contoso.com");

        AssertInertMarkdown(markdown);
        markdown.Should().StartWith(@"# Runbook: App password for a\*b\*\`c\`@contoso.com" + "\n");
    }

    [Fact]
    public void PowerShell_export_keeps_a_hostile_policy_name_inside_comments_and_strings()
    {
        var diagnosis = Diagnosed();
        string script = PlanPowerShell.Render(diagnosis.Plan, CloudEnvironment.Global, "evil#>\nRemove-MgUser -UserId evil0");

        string code = PowerShellCode(script);

        code.Should().NotContain("Remove-MgUser", "the name may appear only inside comments and single-quoted strings");
        code.Should().NotContain("\u001b");
        script.Should().Contain("Remove-MgUser -UserId evil3", "the name itself is kept, as text");
        script.Should().Contain("\n#>\n[CmdletBinding(", "the help block ends where the renderer ends it");
        script.IndexOf("#>", StringComparison.Ordinal).Should().Be(script.IndexOf("\n#>\n[CmdletBinding(", StringComparison.Ordinal) + 1, "the subject cannot end the help block early");
    }

    [Fact]
    public void Console_text_shows_control_characters_instead_of_sending_them()
    {
        string text = DiagnosisText.Render(Diagnosed());

        text.Should().NotContain("\u001b").And.Contain(@"\u001B[31mred\u001B[0m");
        text.Split('\n').Should().NotContain(l => l.StartsWith("# Injected heading", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_report_keeps_a_hostile_policy_name_as_text()
    {
        string html = DiagnosisHtml.Render(Diagnosed());

        html.Should().NotContain("<img").And.NotContain("\u001b").And.NotContain("\r");
        html.Should().Contain("Block *legacy* `auth` &lt;img src=x onerror=alert(1)&gt; [click](https://evil.example) &amp; &amp;lt; ~~x~~ | a # Injected heading");
        html.Should().Contain(@"\u001B[31mred\u001B[0m", "control characters are shown, not sent");
        html.Should().NotContain("<a href=\"https://evil.example", "a name never becomes a link");
        HtmlReportTests.AssertSelfContained(html);
    }

    [Fact]
    public void Html_dashboard_keeps_hostile_names_as_text_and_its_data_inside_the_script_element()
    {
        const string Breakout = "</script><script>alert(1)</script><!-- \u2028\u2029 & <b>";
        var snapshot = new SnapshotBuilder()
            .WithEntraIdP1()
            .WithUser("backup@contoso.com")
            .WithConditionalAccessPolicy(HostileName + Breakout, p => p.ClientAppTypes(ClientAppType.ExchangeActiveSync, ClientAppType.Other).Block())
            .Build();
        var diagnostics = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();

        string html = TenantHtml.Render(diagnostics, snapshot, TestContext.Current.CancellationToken);

        html.Should().NotContain("<img").And.NotContain("<b>").And.NotContain("\u001b").And.NotContain("\u2028").And.NotContain("\u2029");
        Regex.Matches(html, "</script>").Should().HaveCount(2, "only the data block and the page's script end a script element");
        Regex.Matches(html, "<script").Should().HaveCount(2);
        string data = Regex.Match(html, "<script type=\"application/json\" id=\"c2-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        data.Should().NotContainAny(["<", ">", "&", "\u2028", "\u2029"]).And.Contain(@"\u003Cimg src=x onerror=alert(1)\u003E");
        var policy = HtmlReportTests.Data(html)["policies"]![0]![1]!.GetValue<string>();
        policy.Should().StartWith("Block *legacy* `auth` <img src=x onerror=alert(1)>").And.Contain("</script><script>alert(1)</script>", "the name arrives intact, for the script to show as text");
        html.Should().Contain("<tr><th scope=\"row\">Block *legacy* `auth` &lt;img src=x onerror=alert(1)&gt;");
        HtmlReportTests.AssertSelfContained(html);
    }

    [Theory]
    [InlineData("plain", "`plain`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("``x", "``` ``x ```")]
    [InlineData("x`", "`` x` ``")]
    [InlineData(" padded ", "`  padded  `")]
    public void Code_spans_show_their_content_exactly(string value, string expected) =>
        RenderedText.MarkdownCode(value).Should().Be(expected);

    /// <summary>The report's structure comes from the renderer alone: headings and list items are its own.</summary>
    private static void AssertInertMarkdown(string markdown)
    {
        markdown.Should().NotMatchRegex(@"(?<!\\)<img", "HTML is escaped").And.NotContain("\u001b").And.NotContain("\r");
        markdown.Should().NotMatchRegex(@"(?<!\\)\]\(https://evil", "a link needs an unescaped ]( ").And.Contain(@"\](https://evil.example)");
        markdown.Split('\n').Should().NotContain(l => l.TrimStart().StartsWith("# Injected", StringComparison.Ordinal));
        markdown.Should().NotContain("*legacy*", "emphasis markers are escaped");
    }

    /// <summary>
    /// The script with its comments and single-quoted strings removed: what PowerShell would run. Follows PowerShell's
    /// tokenizer for the constructs the export uses: <c>#</c> line comments, <c>&lt;# … #&gt;</c> block comments, and
    /// single-quoted strings delimited by <c>'</c> or the typographic quotes U+2018 to U+201B, a doubled quote being one.
    /// </summary>
    private static string PowerShellCode(string script)
    {
        var code = new StringBuilder();
        int i = 0;
        while (i < script.Length)
        {
            char c = script[i];
            if (c == '<' && i + 1 < script.Length && script[i + 1] == '#')
            {
                int end = script.IndexOf("#>", i + 2, StringComparison.Ordinal);
                end.Should().BePositive("a block comment must be closed");
                i = end + 2;
            }
            else if (c == '#')
            {
                while (i < script.Length && script[i] is not ('\n' or '\r'))
                {
                    i++;
                }
            }
            else if (IsSingleQuote(c))
            {
                i++;
                while (true)
                {
                    i.Should().BeLessThan(script.Length, "a string must be closed");
                    if (IsSingleQuote(script[i]))
                    {
                        if (i + 1 < script.Length && IsSingleQuote(script[i + 1]))
                        {
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    i++;
                }

                code.Append("''");
            }
            else
            {
                code.Append(c);
                i++;
            }
        }

        return code.ToString();
    }

    private static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';
}
