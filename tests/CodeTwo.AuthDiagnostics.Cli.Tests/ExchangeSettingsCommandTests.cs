using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

/// <summary><c>exchange-script</c> and <c>--exchange-settings</c>: collecting Exchange Online's SMTP AUTH settings and merging them.</summary>
public sealed class ExchangeSettingsCommandTests
{
    private const string BackupId = "cbf27734-ac10-4525-8b66-402800e03d2c";

    private static readonly string ValidSettings = $$"""
        {
          "smtpClientAuthenticationDisabled": true,
          "defaultAuthenticationPolicy": "Block Basic Auth",
          "authenticationPolicies": [ { "name": "Block Basic Auth", "allowBasicAuthSmtp": false } ],
          "users": { "{{BackupId}}": { "smtpClientAuthenticationDisabled": false, "authenticationPolicy": null } }
        }
        """;

    [Fact]
    public async Task Exchange_script_prints_a_read_only_script_that_writes_the_sections_value()
    {
        var run = await CliRun.RunAsync("exchange-script", "--user", "backup@contoso.com", "--user", "scanner@contoso.com");

        run.ExitCode.Should().Be(0, run.ToString());
        string script = run.Stdout;
        script.Should().Contain("#Requires -Modules ExchangeOnlineManagement").And.Contain("Connect-ExchangeOnline");
        foreach (string cmdlet in new[] { "Get-TransportConfig", "Get-OrganizationConfig", "Get-AuthenticationPolicy", "Get-CASMailbox", "Get-User" })
        {
            script.Should().MatchRegex(@"(=|\(|\| ) *" + cmdlet + @"\b", "the script runs " + cmdlet);
        }

        Regex.Matches(script, @"\b(Set|New|Remove|Enable|Disable|Add|Update)-[A-Za-z]", RegexOptions.IgnoreCase).Should().BeEmpty("the script only reads");
        Regex.Matches(script, @"\b[A-Z][A-Za-z]+-[A-Z][A-Za-z]+\b").Select(m => m.Value).Where(w => w != "View-Only").Distinct().Order(StringComparer.Ordinal).Should().Equal(
            ["Connect-ExchangeOnline", "ConvertTo-Json", "ConvertTo-PolicyName", "ForEach-Object", "Get-AuthenticationPolicy", "Get-CASMailbox", "Get-OrganizationConfig",
            "Get-TransportConfig", "Get-User", "Out-File", "Write-Host", "Write-Warning"],
            "every command the script runs is one of these");
        script.Should().Contain("'backup@contoso.com'").And.Contain("'scanner@contoso.com'");
        script.Should().Contain("$outFile = 'exchange-online.json'");
        script.Should().Contain("ConvertTo-Json -InputObject $settings -Depth");
        script.Should().Contain("ExternalDirectoryObjectId");
        foreach (string member in new[] { "smtpClientAuthenticationDisabled =", "defaultAuthenticationPolicy =", "authenticationPolicies =", "users =", "name =", "allowBasicAuthSmtp =", "authenticationPolicy =" })
        {
            script.Should().Contain(member);
        }

        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task User_text_is_quoted_so_that_it_stays_one_literal_string()
    {
        string hostile = "o'brien\u2018x\u2019y\u201A\u201B$(Remove-Mailbox -Identity x)`z@contoso.com";
        var run = await CliRun.RunAsync("exchange-script", "--user", hostile, "--out", "C:\\temp\\it's.json");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("    'o''brien\u2018\u2018x\u2019\u2019y\u201A\u201A\u201B\u201B$(Remove-Mailbox -Identity x)`z@contoso.com'\n");
        run.Stdout.Should().Contain("$outFile = 'C:\\temp\\it''s.json'\n");
    }

    [Fact]
    public async Task Control_characters_in_a_user_cannot_start_a_new_line()
    {
        var run = await CliRun.RunAsync("exchange-script", "--user", "a@contoso.com\nGet-Mailbox | Out-Null\r#");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("    'a@contoso.com Get-Mailbox | Out-Null #'\n");
    }

    [Theory]
    [InlineData(new string[] { }, "Option '--user' is required.")]
    [InlineData(new[] { "--user", "backup" }, "--user 'backup' is neither a user principal name (name@domain) nor an object id (GUID)")]
    [InlineData(new[] { "--user", " " }, "--user needs a user principal name or an object id")]
    [InlineData(new[] { "--user", "backup@contoso.com", "--out", "" }, "--out needs a file name for the script's JSON")]
    public async Task Exchange_script_usage_errors_exit_2(string[] args, string message)
    {
        var run = await CliRun.RunAsync(["exchange-script", .. args]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.StderrLines[0].Should().Be("c2authdiag: " + message);
        run.Stdout.Should().BeEmpty();
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task Script_out_writes_the_script_to_a_file()
    {
        using var temp = new TempDirectory();
        string path = temp.File("collect.ps1");

        var run = await CliRun.RunAsync("exchange-script", "--user", BackupId, "--script-out", path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain(path);
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Should().Contain($"'{BackupId}'").And.Contain("Get-CASMailbox");
    }

    [Fact]
    public async Task Diagnose_merges_the_settings_file_and_says_so()
    {
        using var temp = new TempDirectory();
        string settings = temp.Write("exchange-online.json", ValidSettings);

        var text = await CliRun.RunAsync("diagnose", "--exchange-settings", settings, "--legacy-protocol", "SMTP");
        var json = await CliRun.RunAsync("diagnose", "--exchange-settings", settings, "--legacy-protocol", "SMTP", "--format", "json");
        var all = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--exchange-settings", settings);

        text.ExitCode.Should().Be(0, text.ToString());
        text.Stderr.Should().Contain($"Snapshot: embedded sample (seed case: security defaults on, per-user MFA disabled), with Exchange Online settings from '{settings}'");
        json.ExitCode.Should().Be(0, json.ToString());
        JsonNode.Parse(json.Stdout)!["verdict"].Should().NotBeNull();
        all.ExitCode.Should().Be(0, all.ToString());
        all.Stderr.Should().Contain("with Exchange Online settings from");
    }

    [Fact]
    public async Task The_merged_settings_decide_the_SMTP_AUTH_findings_and_the_exact_command()
    {
        using var temp = new TempDirectory();
        const string SeedUser = "cbf27734-ac10-4525-8b66-402800e03d2c";
        string off = temp.Write("off.json", "{\"smtpClientAuthenticationDisabled\":false,\"defaultAuthenticationPolicy\":null,\"authenticationPolicies\":[],\"users\":{\"" + SeedUser + "\":{\"smtpClientAuthenticationDisabled\":true,\"authenticationPolicy\":null}}}");
        string on = temp.Write("on.json", """{"smtpClientAuthenticationDisabled":false,"defaultAuthenticationPolicy":null,"authenticationPolicies":[],"users":{}}""");

        var without = await CliRun.RunAsync("diagnose", "--legacy-protocol", "SMTP");
        var blocked = await CliRun.RunAsync("diagnose", "--legacy-protocol", "SMTP", "--exchange-settings", off);
        var allowed = await CliRun.RunAsync("diagnose", "--legacy-protocol", "SMTP", "--exchange-settings", on);

        without.Stdout.Should().Contain("APW092").And.Contain("check-smtp-auth").And.NotContain("APW063");
        blocked.Stdout.Should().Contain("APW063").And.Contain("Set-CASMailbox -Identity 'backup@contoso.com' -SmtpClientAuthenticationDisabled $false").And.NotContain("APW092");
        allowed.Stdout.Should().NotContain("APW063").And.NotContain("APW092");
    }

    [Fact]
    public async Task A_bad_settings_file_is_exit_2_with_the_file_and_the_json_path()
    {
        using var temp = new TempDirectory();
        string settings = temp.Write("exchange-online.json", ValidSettings.Replace("\"smtpClientAuthenticationDisabled\": true", "\"smtpClientAuthenticationDisabled\": \"yes\"", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("diagnose", "--exchange-settings", settings);

        run.ExitCode.Should().Be(2, run.ToString());
        run.StderrLines.Should().Equal(
            $"c2authdiag: '{settings}' is not valid Exchange Online settings (--exchange-settings) (1 error):",
            "$.smtpClientAuthenticationDisabled: string \"yes\"; expected true or false");
        run.Stdout.Should().BeEmpty();
        run.ShouldHaveNoStackTrace();
    }

    [Theory]
    [InlineData("[]", "$: an array; expected an object (the exchangeOnline section's value, as exchange-script writes it)")]
    [InlineData("""{"smtpClientAuthenticationDisabled":false,"users":{"backup@contoso.com":{}}}""", "$.users['backup@contoso.com']: the member name \"backup@contoso.com\"; expected a user's object id (a GUID such as 6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10) as the member name")]
    public async Task Every_reader_error_reaches_the_user(string content, string line)
    {
        using var temp = new TempDirectory();
        string settings = temp.Write("x.json", content);

        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--exchange-settings", settings);

        run.ExitCode.Should().Be(2, run.ToString());
        run.StderrLines.Should().Contain(line);
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task A_missing_settings_file_is_exit_2()
    {
        using var temp = new TempDirectory();

        var missing = await CliRun.RunAsync("diagnose", "--exchange-settings", temp.File("none.json"));
        var directory = await CliRun.RunAsync("diagnose", "--exchange-settings", temp.Path);

        missing.ExitCode.Should().Be(2);
        missing.StderrLines.Should().Equal($"c2authdiag: cannot read Exchange Online settings '{temp.File("none.json")}': no such file");
        directory.ExitCode.Should().Be(2);
        directory.Stderr.Should().Contain("it is a directory");
    }

    [Fact]
    public async Task Help_names_the_command_and_the_option()
    {
        var root = await CliRun.RunAsync("--help");
        var diagnose = await CliRun.RunAsync("diagnose", "--help");
        var capture = await CliRun.RunAsync("capture", "--help");
        var script = await CliRun.RunAsync("exchange-script", "--help");

        root.Stdout.Should().Contain("exchange-script");
        diagnose.Stdout.Should().Contain("--exchange-settings <FILE>");
        capture.Stdout.Should().Contain("--exchange-settings <FILE>");
        script.Stdout.Should().Contain("--user <UPN|ID>").And.Contain("--out <FILE>").And.Contain("--script-out <FILE>").And.Contain("read-only");
    }
}
