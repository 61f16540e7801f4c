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
        run.FlatStdout.Should().Contain("text|json|markdown|sarif").And.Contain("SARIF 2.1.0").And.Contain("--sarif-root").And.Contain("%SRCROOT%");
    }

    [Fact]
    public async Task Sarif_results_are_located_in_the_snapshot_file_relative_to_the_sarif_root()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--user", "backup@contoso.com", "--format", "sarif", "--sarif-root", AppContext.BaseDirectory);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stderr.Should().Contain("SARIF: results are located in 'fixtures/multi-user-tenant.json'");
        var sarifRun = JsonNode.Parse(run.Stdout)!["runs"]![0]!;
        sarifRun["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!.GetValue<string>().Should().Be(new Uri(AppContext.BaseDirectory).AbsoluteUri);
        string[] lines = File.ReadAllLines(Fixtures.PathOf("multi-user-tenant.json"));
        foreach (var result in sarifRun["results"]!.AsArray())
        {
            var physical = result!["locations"]![0]!["physicalLocation"]!;
            physical["artifactLocation"]!["uri"]!.GetValue<string>().Should().Be("fixtures/multi-user-tenant.json");
            physical["artifactLocation"]!["uriBaseId"]!.GetValue<string>().Should().Be("%SRCROOT%");
            int line = physical["region"]!["startLine"]!.GetValue<int>();
            line.Should().BeInRange(1, lines.Length);
        }

        var mfa = sarifRun["results"]!.AsArray().First(r => r!["ruleId"]!.GetValue<string>() == DiagnosticCodes.PerUserMfaDisabled)!;
        lines[mfa["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>() - 1].Should().Contain("\"perUserMfaState\"");
    }

    [Fact]
    public async Task All_users_sarif_is_one_result_per_code_and_policy_located_in_the_snapshot()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--format", "sarif", "--sarif-root", Fixtures.Directory);

        run.ExitCode.Should().Be(0, run.ToString());
        var results = JsonNode.Parse(run.Stdout)!["runs"]![0]!["results"]!.AsArray();
        results.Select(r => $"{r!["ruleId"]}/{r["properties"]!["policyId"]?.GetValue<string>()}/{r["suppressions"] is not null}").Should().OnlyHaveUniqueItems();
        results.Should().OnlyContain(r => r!["locations"]!.AsArray().All(l => l!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>() == "multi-user-tenant.json"));
        results.Should().OnlyContain(r => r!["properties"]!["users"]!.GetValue<int>() == r["locations"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_embedded_sample_is_named_as_such_and_its_evidence_still_located()
    {
        var run = await CliRun.RunAsync("diagnose", "--format", "sarif");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stderr.Should().Contain("the embedded sample is not a file");
        var sarifRun = JsonNode.Parse(run.Stdout)!["runs"]![0]!;
        sarifRun["artifacts"]![0]!["location"]!["uri"]!.GetValue<string>().Should().Be("c2authdiag-embedded-sample.json");
        sarifRun["artifacts"]![0]!["description"]!["text"]!.GetValue<string>().Should().Contain("embedded");
        sarifRun["results"]!.AsArray().Should().Contain(r => r!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>() > 1);
    }

    [Fact]
    public async Task A_sarif_root_that_is_not_a_directory_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("diagnose", "--format", "sarif", "--sarif-root", Path.Combine(AppContext.BaseDirectory, "no-such-directory"));

        run.ExitCode.Should().NotBe(0);
        run.Stderr.Should().Contain("--sarif-root");
    }
}
