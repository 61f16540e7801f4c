using System.Text.Json.Nodes;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

public sealed class ValidateCommandTests
{
    private static readonly string[] TenantSections =
        ["securityDefaults", "conditionalAccessPolicies", "authenticationMethodsPolicy", "mfaServicePolicy", "domains", "subscribedSkus"];

    private static readonly string[] UserSections = ["authenticationRequirements", "authenticationMethods", "transitiveMemberOf"];

    public static TheoryData<string> AllFixtures => Fixtures.All;

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public async Task Every_fixture_is_valid_and_summarised(string fixture)
    {
        var json = Fixtures.Json(fixture);

        var run = await CliRun.RunAsync("validate", "--snapshot", Fixtures.PathOf(fixture));

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().Contain(json["tenantId"]!.GetValue<string>());
        run.Stdout.Should().Contain("Cloud           " + json["cloud"]!.GetValue<string>());
        foreach (string section in TenantSections)
        {
            run.Stdout.Should().Contain("  " + section + ":", "every tenant section is listed with its status");
        }

        var users = json["users"]!.AsArray();
        run.Stdout.Should().Contain($"Users           {users.Count} ({json["missingUsers"]?.AsArray().Count ?? 0} missing)");
        foreach (var entry in users.Take(20))
        {
            run.Stdout.Should().Contain("  " + entry!["user"]!["userPrincipalName"]!.GetValue<string>() + " (per-user MFA: ");
        }

        foreach (string section in users.Count > 0 ? UserSections : [])
        {
            run.Stdout.Should().Contain("    " + section + ":");
        }
    }

    [Fact]
    public async Task The_seed_summary_reads_as_designed()
    {
        string path = Fixtures.PathOf("seed-security-defaults.json");

        var run = await CliRun.RunAsync("validate", "--snapshot", path);

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Be(
            $"""
            '{path}' is a valid snapshot.

            Tenant id       f3c95789-ace1-4954-ac5d-6baed2eac902
            Cloud           global
            Captured at     2026-11-24T09:30:00Z
            Schema version  1
            Users           1 (0 missing)

            Tenant sections:
              securityDefaults:             captured (enabled)
              conditionalAccessPolicies:    captured (0 policies)
              authenticationMethodsPolicy:  captured (policyMigrationState: migrationInProgress)
              mfaServicePolicy:             notCaptured: GET /beta/policies/mfaServicePolicy is undocumented; the capture was run without it. The tenant-wide "Allow users to create app passwords" switch must be checked in the legacy MFA service settings.
              domains:                      captured (2 domains)
              subscribedSkus:               captured (1 SKU: O365_BUSINESS_PREMIUM)

            Users:
              backup@contoso.com (per-user MFA: disabled)
                authenticationRequirements: captured (disabled)
                authenticationMethods:      captured (2 methods: password, microsoftAuthenticator)
                transitiveMemberOf:         captured (1 group, 1 directory role)

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_failed_section_shows_its_http_status_code_and_permissions()
    {
        var run = await CliRun.RunAsync("validate", "--snapshot", Fixtures.PathOf("ca-section-failed-403.json"));

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("  conditionalAccessPolicies:    failed: HTTP 403 Authorization_RequestDenied; required permissions: Policy.Read.All\n");
    }

    [Fact]
    public async Task A_section_not_captured_shows_its_reason()
    {
        var run = await CliRun.RunAsync("validate", "--snapshot", Fixtures.PathOf("no-p1-ca-not-captured.json"));

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("  conditionalAccessPolicies:    notCaptured: Conditional Access requires Microsoft Entra ID P1");
        run.Stdout.Should().Contain("  mfaServicePolicy:             captured (allowAppPasswords: true)\n");
    }

    [Fact]
    public async Task An_unknown_per_user_mfa_state_is_shown_as_written_and_flagged()
    {
        var run = await CliRun.RunAsync("validate", "--snapshot", Fixtures.PathOf("unknown-mfa-state.json"));

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("backup@contoso.com (per-user MFA: unknownFutureValue — not known to this version)");
    }

    [Fact]
    public async Task Policy_states_and_missing_users_are_counted()
    {
        var run = await CliRun.RunAsync("validate", "--snapshot", Fixtures.PathOf("report-only-and-conditions.json"));

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("captured (2 policies: 1 enabled, 1 report-only)");
    }

    [Fact]
    public async Task A_large_tenant_lists_twenty_users_then_says_how_many_more()
    {
        using var temp = new TempDirectory();
        var json = Fixtures.Json("seed-security-defaults.json");
        var template = json["users"]!.AsArray()[0]!;
        var users = new JsonArray();
        for (int i = 1; i <= 27; i++)
        {
            var user = template.DeepClone();
            user["user"]!["id"] = $"00000000-0000-4000-8000-{i:D12}";
            user["user"]!["userPrincipalName"] = $"user{i:D2}@contoso.com";
            users.Add(user);
        }

        json["users"] = users;
        json["missingUsers"] = new JsonArray("gone@contoso.com");
        string path = temp.Write("large.json", Fixtures.ToJson(json));

        var run = await CliRun.RunAsync("validate", "--snapshot", path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("Users           27 (1 missing)");
        run.Stdout.Should().Contain("Users (first 20 of 27):");
        run.Stdout.Should().Contain("  user20@contoso.com (per-user MFA: disabled)");
        run.Stdout.Should().NotContain("user21@contoso.com");
        run.Stdout.Should().Contain("  … and 7 more\n");
        run.Stdout.Should().Contain("Missing users (asked for, not found in the tenant):\n  gone@contoso.com\n");
    }

    [Fact]
    public async Task Text_from_the_snapshot_cannot_inject_terminal_escapes_or_line_breaks()
    {
        using var temp = new TempDirectory();
        var json = Fixtures.Json("seed-security-defaults.json");
        json["sections"]!["mfaServicePolicy"]!["reason"] = "first line\n\u001b[2Jcleared";
        json["users"]!.AsArray()[0]!["sections"]!["authenticationRequirements"]!["value"]!["perUserMfaState"] = "\u001b[31mred\u202e";
        string path = temp.Write("escapes.json", Fixtures.ToJson(json));

        var run = await CliRun.RunAsync("validate", "--snapshot", path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().NotContain("\u001b").And.NotContain("\u202e");
        run.Stdout.Should().Contain("  mfaServicePolicy:             notCaptured: first line  [2Jcleared\n");
    }

    [Fact]
    public async Task Malformed_json_is_rejected_with_the_file_and_the_position()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("truncated.json", "{\"schemaVersion\": 1, \"tenantId\": ");

        var run = await CliRun.RunAsync("validate", "--snapshot", path);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().HaveCount(2);
        run.StderrLines[0].Should().Be($"c2authdiag: '{path}' is not a valid snapshot (1 error):");
        run.StderrLines[1].Should().StartWith("$: truncated JSON: the document ends at line 1");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task An_unsupported_schema_version_is_rejected_naming_both_versions()
    {
        using var temp = new TempDirectory();
        var json = Fixtures.Json("seed-security-defaults.json");
        json["schemaVersion"] = 2;
        string path = temp.Write("v2.json", Fixtures.ToJson(json));

        var run = await CliRun.RunAsync("validate", "--snapshot", path);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain(path);
        run.StderrLines.Should().Contain("$.schemaVersion: unsupported version 2; this library reads schema versions 1");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task Every_error_is_listed_on_its_own_line_under_a_header()
    {
        using var temp = new TempDirectory();
        var json = Fixtures.Json("seed-security-defaults.json");
        json["tenantId"] = "not-a-guid";
        json["sections"]!["securityDefaults"]!["value"]!["isEnabled"] = "yes";
        json["users"]!.AsArray()[0]!["user"]!.AsObject().Remove("id");
        string path = temp.Write("three-errors.json", Fixtures.ToJson(json));

        var run = await CliRun.RunAsync("validate", "--snapshot", path);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal(
            $"c2authdiag: '{path}' is not a valid snapshot (3 errors):",
            "$.tenantId: string \"not-a-guid\"; expected a GUID such as 6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10",
            "$.sections.securityDefaults.value.isEnabled: string \"yes\"; expected true or false",
            "$.users[0].user.id: missing; every user needs an id");
    }

    [Fact]
    public async Task A_missing_file_is_invalid_input()
    {
        using var temp = new TempDirectory();
        string path = temp.File("does-not-exist.json");

        var run = await CliRun.RunAsync("validate", "--snapshot", path);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal($"c2authdiag: cannot read snapshot '{path}': no such file");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task A_directory_is_invalid_input()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("validate", "--snapshot", temp.Path);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal($"c2authdiag: cannot read snapshot '{temp.Path}': it is a directory; expected a snapshot file");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task An_empty_snapshot_path_is_invalid_input()
    {
        var run = await CliRun.RunAsync("validate", "--snapshot", " ");

        run.ExitCode.Should().Be(2);
        run.StderrLines.Should().Equal("c2authdiag: --snapshot needs a file path; got an empty value");
    }

    [Fact]
    public async Task A_path_starting_with_an_at_sign_is_a_file_name_not_a_response_file()
    {
        string path = "@" + Guid.NewGuid().ToString("N") + ".json";

        var run = await CliRun.RunAsync("validate", "--snapshot", path);

        run.ExitCode.Should().Be(2);
        run.StderrLines.Should().Equal($"c2authdiag: cannot read snapshot '{path}': no such file");
    }
}
