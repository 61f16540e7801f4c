using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

public sealed class DiagnoseCommandTests
{
    [Fact]
    public async Task Without_a_snapshot_it_diagnoses_the_embedded_seed_case()
    {
        var run = await CliRun.RunAsync("diagnose");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("Verdict: UNAVAILABLE");
        run.Stdout.Should().Contain("APW011 PerUserMfaDisabled");
        run.Stdout.Should().Contain("APW010 SecurityDefaultsEnabled");
        run.Stdout.Should().Contain("PATCH https://graph.microsoft.com/beta/users/cbf27734-ac10-4525-8b66-402800e03d2c/authentication/requirements body {\"perUserMfaState\":\"enforced\"}");
        run.Stdout.Should().Contain("decide-security-defaults", "no protocol is declared, so turning security defaults off is a decision, not a request");
        run.Stdout.Should().NotContain("PATCH https://graph.microsoft.com/v1.0/policies/identitySecurityDefaultsEnforcementPolicy");
        run.Stdout.Should().Contain("After all planned changes the verdict is still 'unusable'; in the way: APW010.");
        run.Stderr.Should().Contain("embedded sample");
    }

    [Fact]
    public async Task Json_format_writes_only_the_json_contract_to_stdout()
    {
        var run = await CliRun.RunAsync("diagnose", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        json["schemaVersion"]!.GetValue<int>().Should().Be(1);
        json["verdict"]!.GetValue<string>().Should().Be("unavailable");
        json["plan"]!["steps"]![0]!["id"]!.GetValue<string>().Should().Be("enforce-per-user-mfa");
    }

    [Fact]
    public async Task Markdown_format_starts_with_the_verdict()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("ca-legacy-auth-block.json"), "--format", "markdown");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().StartWith("# App password diagnosis for backup@contoso.com");
        run.Stdout.Should().Contain("**Verdict: UNUSABLE**");
        run.Stdout.Should().Contain("APW020 LegacyAuthBlockedByConditionalAccess");
    }

    [Fact]
    public async Task Several_users_without_user_is_a_usage_error_that_lists_them()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("choose one with --user");
        run.Stderr.Should().Contain("admin@contoso.com");
        run.Stderr.Should().Contain("former.employee@contoso.com (missing)");
        run.Stdout.Should().BeEmpty();
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task A_chosen_user_is_diagnosed()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--user", "admin@contoso.com", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        JsonNode.Parse(run.Stdout)!["verdict"]!.GetValue<string>().Should().Be("unusable");
    }

    [Fact]
    public async Task An_unknown_user_is_a_diagnosis_not_an_error()
    {
        var run = await CliRun.RunAsync("diagnose", "--user", "nobody@contoso.com", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        json["verdict"]!.GetValue<string>().Should().Be("unavailable");
        json["findings"]![0]!["code"]!.GetValue<string>().Should().Be("APW001");
    }

    [Fact]
    public async Task A_declared_retired_protocol_makes_APW060_a_blocker()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("healthy-enforced.json"), "--legacy-protocol", "IMAP", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        json["verdict"]!.GetValue<string>().Should().Be("unusable");
        json["findings"]!.AsArray().Should().Contain(f => f!["code"]!.GetValue<string>() == "APW060" && f["severity"]!.GetValue<string>() == "blocker");
    }

    [Theory]
    [InlineData("--legacy-protocol", "FTP", "--legacy-protocol 'FTP' is not one of")]
    [InlineData("--target-resource", "exchange", "--target-resource 'exchange' is not an app id")]
    [InlineData("--user", "backup", "is neither a user principal name")]
    [InlineData("--format", "yaml", "yaml")]
    public async Task Bad_options_are_usage_errors(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("diagnose", option, value);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain(message);
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task An_invalid_snapshot_is_exit_2_with_the_path()
    {
        using var temp = new TempDirectory();
        string path = temp.File("broken.json");
        await File.WriteAllTextAsync(path, "{\"schemaVersion\": 2}", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("diagnose", "--snapshot", path);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(path);
        run.Stderr.Should().Contain("$.schemaVersion: unsupported version 2");
        run.ShouldHaveNoStackTrace();
    }
}
