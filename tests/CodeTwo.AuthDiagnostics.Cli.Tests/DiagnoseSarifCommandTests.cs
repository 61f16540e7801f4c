using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

/// <summary><c>diagnose --format sarif</c>: a SARIF 2.1.0 log on stdout, for one user and for <c>--all-users</c>.</summary>
public sealed class DiagnoseSarifCommandTests
{
    [Fact]
    public async Task Sarif_format_writes_only_a_SARIF_log_with_one_result_per_finding()
    {
        var run = await CliRun.RunAsync("diagnose", "--format", "sarif");

        run.ExitCode.Should().Be(0, run.ToString());
        var log = JsonNode.Parse(run.Stdout)!;
        log["version"]!.GetValue<string>().Should().Be("2.1.0");
        var sarifRun = log["runs"]!.AsArray().Should().ContainSingle().Subject!;
        sarifRun["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().Contain(DiagnosticCodes.PerUserMfaDisabled);
        var results = sarifRun["results"]!.AsArray();
        results.Select(r => r!["ruleId"]!.GetValue<string>()).Should().Contain([DiagnosticCodes.PerUserMfaDisabled, DiagnosticCodes.SecurityDefaultsEnabled]);
        results.First()!["level"]!.GetValue<string>().Should().Be("error");
        results.First()!["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!.GetValue<string>().Should().Be("backup@contoso.com");
        sarifRun["properties"]!["verdict"]!.GetValue<string>().Should().Be("unavailable");
    }

    [Fact]
    public async Task Sarif_format_with_all_users_writes_one_run_with_every_users_findings()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--format", "sarif");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stderr.Should().Contain("Snapshot: ");
        var sarifRun = JsonNode.Parse(run.Stdout)!["runs"]!.AsArray().Should().ContainSingle().Subject!;
        var users = sarifRun["properties"]!["users"]!.AsArray();
        users.Should().HaveCount(6);
        sarifRun["properties"]!["totals"]!["users"]!.GetValue<int>().Should().Be(6);
        var located = sarifRun["results"]!.AsArray()
            .Select(r => r!["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!.GetValue<string>())
            .Distinct()
            .ToArray();
        located.Should().HaveCountGreaterThan(1, "results of several users are in the one run").And.Contain("backup@contoso.com");
    }

    [Fact]
    public async Task Sarif_output_is_the_same_bytes_every_time()
    {
        var first = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--format", "sarif");
        var second = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--format", "sarif");

        second.Stdout.Should().Be(first.Stdout);
    }

    [Fact]
    public async Task Help_lists_the_sarif_format()
    {
        var run = await CliRun.RunAsync("diagnose", "--help");

        run.ExitCode.Should().Be(0, run.ToString());
        run.FlatStdout.Should().Contain("text|json|markdown|sarif").And.Contain("SARIF 2.1.0");
    }
}
