using System.Text.Json.Nodes;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

/// <summary><c>--accepted-risks FILE</c> on <c>diagnose</c>, <c>plan</c> and <c>apply</c>: accepted findings stay, marked, and leave the verdict and the plan.</summary>
public sealed class AcceptedRisksCommandTests
{
    /// <summary>The embedded sample (the seed case) is captured on 2026-11-24: security defaults on, per-user MFA disabled.</summary>
    private const string SecurityDefaultsAccepted = """
        {
          "acceptedRisks": [
            { "code": "APW010", "user": "backup@contoso.com", "policyId": null, "reason": "Scanner until the Graph migration", "acceptedBy": "it@contoso.com", "expires": "2027-06-30" },
            { "code": "APW011", "reason": "Expired last year", "acceptedBy": "it@contoso.com", "expires": "2025-11-24" }
          ]
        }
        """;

    [Fact]
    public async Task Diagnose_marks_the_accepted_finding_and_lists_the_expired_acceptance()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("accepted-risks.json", SecurityDefaultsAccepted);

        var run = await CliRun.RunAsync("diagnose", "--legacy-protocol", "SMTP", "--accepted-risks", file, "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        json["verdict"]!.GetValue<string>().Should().Be("unavailable", "per-user MFA is still disabled: its acceptance has expired");
        var findings = json["findings"]!.AsArray();
        var securityDefaults = findings.Single(f => f!["code"]!.GetValue<string>() == "APW010")!;
        securityDefaults["rootCause"]!.GetValue<bool>().Should().BeFalse();
        securityDefaults["acceptance"]!["acceptedBy"]!.GetValue<string>().Should().Be("it@contoso.com");
        securityDefaults["acceptance"]!["expires"]!.GetValue<string>().Should().Be("2027-06-30");
        findings.Single(f => f!["code"]!.GetValue<string>() == "APW011")!["acceptance"].Should().BeNull();
        json["expiredAcceptances"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()).Should().Equal("APW011");
        json["plan"]!["steps"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Should().NotContain("disable-security-defaults");

        var text = await CliRun.RunAsync("diagnose", "--legacy-protocol", "SMTP", "--accepted-risks", file);
        text.Stdout.Should().Contain("Accepted: by it@contoso.com, until 2027-06-30: Scanner until the Graph migration");
        text.Stdout.Should().Contain("Expired acceptances (they accept nothing)");
    }

    [Fact]
    public async Task Plan_and_apply_take_the_file_too()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("accepted-risks.json", SecurityDefaultsAccepted);

        var without = await CliRun.RunAsync("plan", "--legacy-protocol", "SMTP", "--format", "json");
        var plan = await CliRun.RunAsync("plan", "--legacy-protocol", "SMTP", "--accepted-risks", file, "--format", "json");
        var apply = await CliRun.RunAsync("apply", "--executor", "inmemory", "--legacy-protocol", "SMTP", "--accepted-risks", file);

        without.Stdout.Should().Contain("disable-security-defaults");
        plan.ExitCode.Should().Be(0, plan.ToString());
        plan.Stdout.Should().Contain("enforce-per-user-mfa").And.NotContain("disable-security-defaults");
        apply.ExitCode.Should().Be(0, apply.ToString());
        apply.Stdout.Should().NotContain("disable-security-defaults");
    }

    [Fact]
    public async Task A_bad_file_is_exit_2_with_the_file_and_each_problems_json_path()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("accepted-risks.json", """{"acceptedRisks":[{"code":"APW010","reason":"r","acceptedBy":"a","expires":"2027-06-30"},{"code":"APW999","reason":"r","acceptedBy":"a","expires":"30/06/2027"}]}""");

        var run = await CliRun.RunAsync("diagnose", "--accepted-risks", file);

        run.ExitCode.Should().Be(2, run.ToString());
        run.StderrLines.Should().Equal(
            $"c2authdiag: '{file}' is not a valid accepted-risks file (--accepted-risks) (2 problems):",
            "$.acceptedRisks[1].code: APW999 is not a code of the catalog (APW001 to APW099)",
            "$.acceptedRisks[1].expires: expected a date yyyy-MM-dd; found \"30/06/2027\"");
        run.Stdout.Should().BeEmpty();
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task A_missing_file_or_a_directory_is_exit_2()
    {
        using var temp = new TempDirectory();

        var missing = await CliRun.RunAsync("plan", "--accepted-risks", temp.File("none.json"));
        var directory = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--accepted-risks", temp.Path);

        missing.ExitCode.Should().Be(2);
        missing.StderrLines.Should().Equal($"c2authdiag: cannot read accepted risks '{temp.File("none.json")}': no such file");
        directory.ExitCode.Should().Be(2);
        directory.Stderr.Should().Contain("it is a directory");
    }
}
