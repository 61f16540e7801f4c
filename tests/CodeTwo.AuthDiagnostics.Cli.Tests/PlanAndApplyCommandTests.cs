using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

public sealed class PlanAndApplyCommandTests
{
    [Fact]
    public async Task Plan_defaults_to_a_markdown_runbook()
    {
        var run = await CliRun.RunAsync("plan");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().StartWith("# Runbook: App password for backup@contoso.com");
        run.Stdout.Should().Contain("- [ ] **1. Enforce per-user MFA for backup@contoso.com**");
    }

    [Fact]
    public async Task Plan_as_json_is_the_plan_member_of_the_contract()
    {
        var run = await CliRun.RunAsync("plan", "--format", "json", "--legacy-protocol", "SMTP");

        run.ExitCode.Should().Be(0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        json["schemaVersion"]!.GetValue<int>().Should().Be(1);
        json["plan"]!["steps"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Should().ContainInOrder("enforce-per-user-mfa", "revoke-sign-in-sessions", "disable-security-defaults", "wait-for-propagation", "verify");
    }

    [Fact]
    public async Task Plan_as_powershell_targets_the_snapshot_cloud()
    {
        var run = await CliRun.RunAsync("plan", "--snapshot", Fixtures.PathOf("national-cloud-usgov.json"), "--format", "powershell", "--legacy-protocol", "SMTP");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("[CmdletBinding(SupportsShouldProcess = $true");
        run.Stdout.Should().Contain("Connect-MgGraph -Environment USGov");
        run.Stdout.Should().Contain("Invoke-MgGraphRequest -Method PATCH -Uri 'https://graph.microsoft.us/v1.0/policies/identitySecurityDefaultsEnforcementPolicy'");
        run.Stdout.Should().NotContain("graph.microsoft.com/");
    }

    [Fact]
    public async Task Apply_without_apply_is_a_dry_run_that_writes_nothing()
    {
        var run = await CliRun.RunAsync("apply", "--executor", "inmemory", "--legacy-protocol", "SMTP");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("Dry run (nothing is written):");
        run.Stdout.Should().Contain("[would] enforce-per-user-mfa: Would send PATCH");
        run.Stdout.Should().NotContain("[done]");
    }

    [Fact]
    public async Task Approved_apply_on_the_seed_case_ends_verified_available()
    {
        var run = await CliRun.RunAsync("apply", "--executor", "inmemory", "--legacy-protocol", "SMTP", "--apply", "--approve-all");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("Dry run (nothing is written):");
        run.Stdout.Should().Contain("[done] disable-security-defaults: Sent PATCH");
        run.Stdout.Should().Contain("[done] verify: Verified: APW010, APW011 gone; verdict available.");
        run.Stdout.Should().EndWith("Verdict now: available\n");
    }

    [Fact]
    public async Task Without_approval_the_high_risk_step_is_refused_and_the_run_stops_with_exit_3()
    {
        var run = await CliRun.RunAsync("apply", "--executor", "inmemory", "--legacy-protocol", "SMTP", "--apply");

        run.ExitCode.Should().Be(3, run.ToString());
        run.Stdout.Should().Contain("[REFUSED] disable-security-defaults");
        run.Stdout.Should().NotContain("[done] verify");
        run.Stdout.Should().Contain("Verdict now: unusable - APW010");
    }

    [Fact]
    public async Task Journal_resume_and_rollback_continue_across_runs()
    {
        using var temp = new TempDirectory();
        string journal = temp.File("run.jsonl");

        var first = await CliRun.RunAsync("apply", "--executor", "inmemory", "--legacy-protocol", "SMTP", "--apply", "--journal", journal);
        first.ExitCode.Should().Be(3, first.ToString());

        var again = await CliRun.RunAsync("apply", "--executor", "inmemory", "--legacy-protocol", "SMTP", "--apply", "--journal", journal);
        again.ExitCode.Should().Be(2, "an existing journal needs --resume or --rollback");
        again.Stderr.Should().Contain("already records a run");

        var resumed = await CliRun.RunAsync("apply", "--executor", "inmemory", "--legacy-protocol", "SMTP", "--apply", "--resume", "--approve", "disable-security-defaults", "--journal", journal);
        resumed.ExitCode.Should().Be(0, resumed.ToString());
        resumed.Stdout.Should().Contain("[done earlier] enforce-per-user-mfa");
        resumed.Stdout.Should().Contain("[done] disable-security-defaults");
        resumed.Stdout.Should().Contain("Verdict now: available");

        var rolledBack = await CliRun.RunAsync("apply", "--executor", "inmemory", "--legacy-protocol", "SMTP", "--apply", "--rollback", "--journal", journal);
        rolledBack.ExitCode.Should().Be(0, rolledBack.ToString());
        rolledBack.Stdout.Should().Contain("[done] disable-security-defaults: Rolled back");
        rolledBack.Stdout.Should().Contain("[done] enforce-per-user-mfa: Rolled back");
        rolledBack.Stdout.Should().Contain("Verdict now: unavailable - APW011");
    }

    [Theory]
    [InlineData(new[] { "apply", "--executor", "inmemory", "--resume" }, "--resume needs --journal")]
    [InlineData(new[] { "apply", "--executor", "inmemory", "--apply", "--approve", "no-such-step" }, "'no-such-step' is not a step of this plan")]
    [InlineData(new[] { "apply", "--executor", "production" }, "production")]
    [InlineData(new[] { "apply" }, "--executor")]
    public async Task Bad_apply_options_are_usage_errors(string[] args, string message)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain(message);
        run.ShouldHaveNoStackTrace();
    }
}
