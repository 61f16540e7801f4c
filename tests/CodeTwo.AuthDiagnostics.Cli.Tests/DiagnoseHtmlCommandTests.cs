using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

/// <summary><c>diagnose --format html</c>: one self-contained page on stdout, for one user and for <c>--all-users</c>.</summary>
public sealed class DiagnoseHtmlCommandTests
{
    [Fact]
    public async Task Html_format_writes_only_the_users_page()
    {
        var run = await CliRun.RunAsync("diagnose", "--format", "html");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().StartWith("<!DOCTYPE html>\n").And.EndWith("</html>\n");
        run.Stdout.Should().Contain("<h1>App password diagnosis for backup@contoso.com</h1>").And.Contain("<span>UNAVAILABLE</span>");
        run.Stdout.Should().Contain("<h2 id=\"plan\">Plan</h2>").And.Contain("<ol class=\"plan\">");
        run.Stderr.Should().NotContain("Snapshot: ", "stdout is the page; nothing else is said");
    }

    [Fact]
    public async Task Html_format_with_all_users_writes_the_dashboard_with_every_user()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--format", "html");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stderr.Should().Contain("Snapshot: ");
        run.Stdout.Should().StartWith("<!DOCTYPE html>\n").And.EndWith("</html>\n");
        var data = JsonNode.Parse(Regex.Match(run.Stdout, "<script type=\"application/json\" id=\"c2-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value)!;
        data["users"]!.AsArray().Select(u => u![0]!.GetValue<string>()).Should().Contain(["backup@contoso.com", "admin@contoso.com"]).And.HaveCount(6);
        run.Stdout.Should().Contain("<h2 id=\"verdicts\">Verdicts</h2>").And.Contain("<h2 id=\"causes\">Users per root cause</h2>").And.Contain("<h2 id=\"policies\">");
    }

    [Fact]
    public async Task Html_output_is_the_same_bytes_every_time()
    {
        var first = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--format", "html");
        var second = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--format", "html");

        second.Stdout.Should().Be(first.Stdout);
    }

    [Fact]
    public async Task Help_lists_the_html_format()
    {
        var run = await CliRun.RunAsync("diagnose", "--help");

        run.ExitCode.Should().Be(0, run.ToString());
        run.FlatStdout.Should().Contain("text|json|markdown|sarif|html").And.Contain("--format html");
    }

    [Fact]
    public async Task Markdown_with_all_users_names_the_formats_it_can_write()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--format", "markdown");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("text, json, sarif or html");
    }
}
