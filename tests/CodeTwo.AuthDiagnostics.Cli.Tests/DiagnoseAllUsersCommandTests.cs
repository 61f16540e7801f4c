using System.Text.Json.Nodes;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

/// <summary><c>diagnose --all-users</c>: the tenant-wide summary of a snapshot, as text and as JSON.</summary>
public sealed class DiagnoseAllUsersCommandTests
{
    /// <summary>The fixture's users in document order, then its missing users: the order a tenant-wide run reports.</summary>
    private static readonly string[] MultiUserOrder = ReadOrder("multi-user-tenant.json");

    private static string[] ReadOrder(string fixture)
    {
        var root = JsonNode.Parse(File.ReadAllText(Fixtures.PathOf(fixture)))!;
        return root["users"]!.AsArray().Select(u => u!["user"]!["userPrincipalName"]!.GetValue<string>())
            .Concat(root["missingUsers"]?.AsArray().Select(m => m!.GetValue<string>()) ?? [])
            .ToArray();
    }

    [Fact]
    public async Task Text_lists_every_user_with_verdict_and_root_causes_then_the_totals()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users");

        run.ExitCode.Should().Be(0, run.ToString());
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("VERDICT").And.Contain("USER").And.Contain("ROOT CAUSES");
        lines.Skip(1).Take(6).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).Should().Equal(MultiUserOrder);
        lines[1].Should().MatchRegex(@"^unavailable +backup@contoso\.com +APW011$");
        lines[3].Should().MatchRegex(@"^available +alice@contoso\.com +-$");
        lines[4].Should().MatchRegex(@"^unavailable +lee\.chen_fabrikam\.com#EXT#@contoso\.onmicrosoft\.com APW003$", "a long name still leaves a space before the codes");
        run.Stdout.Should().Contain("6 users: 2 available, 3 unavailable, 1 unusable, 0 indeterminate.");
        run.Stderr.Should().Contain("Snapshot: ");
    }

    [Fact]
    public async Task Json_is_one_summary_document_whose_totals_match_its_users()
    {
        var run = await CliRun.RunAsync("diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", "--format", "json", "--legacy-protocol", "SMTP");

        run.ExitCode.Should().Be(0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        json["schemaVersion"]!.GetValue<int>().Should().Be(1);
        json["kind"]!.GetValue<string>().Should().Be("tenantSummary");
        json["tenantId"]!.GetValue<string>().Should().Be("ab17a6e0-9787-4c57-9935-b765e70ebe32");
        var users = json["users"]!.AsArray();
        users.Select(u => u!["user"]!.GetValue<string>()).Should().Equal(MultiUserOrder);
        users[0]!["verdict"]!.GetValue<string>().Should().Be("unavailable");
        users[0]!["rootCauses"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("APW011");
        users[0]!["reachesAvailable"]!.GetValue<bool>().Should().BeTrue();
        users[0]!["planSteps"]![0]!.GetValue<string>().Should().Be("enforce-per-user-mfa");
        users[5]!["userId"].Should().BeNull("a user that does not exist has no id");
        var totals = json["totals"]!;
        totals["users"]!.GetValue<int>().Should().Be(6);
        foreach (string verdict in new[] { "available", "unavailable", "unusable", "indeterminate" })
        {
            totals[verdict]!.GetValue<int>().Should().Be(users.Count(u => u!["verdict"]!.GetValue<string>() == verdict), verdict);
        }
    }

    [Fact]
    public async Task Json_of_a_large_snapshot_is_flushed_in_pieces_and_stays_one_valid_document()
    {
        using var temp = new TempDirectory();
        string path = temp.File("large.json");
        await File.WriteAllBytesAsync(path, Testing.LargeTenantGenerator.Generate(users: 600, policies: 20).Utf8Json, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("diagnose", "--snapshot", path, "--all-users", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Length.Should().BeGreaterThan(64 * 1024, "the document is written in several flushes");
        var json = JsonNode.Parse(run.Stdout)!;
        json["users"]!.AsArray().Should().HaveCount(600);
        json["totals"]!["users"]!.GetValue<int>().Should().Be(600);
    }

    [Theory]
    [InlineData("--user", "backup@contoso.com")]
    [InlineData("--format", "markdown")]
    [InlineData("--live", null)]
    public async Task Conflicting_options_are_usage_errors(string option, string? value)
    {
        string[] args = value is null
            ? ["diagnose", "--all-users", option]
            : ["diagnose", "--snapshot", Fixtures.PathOf("multi-user-tenant.json"), "--all-users", option, value];

        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("--all-users");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unreadable_snapshot_is_a_usage_error_naming_the_problem()
    {
        using var temp = new TempDirectory();
        string path = temp.File("broken.json");
        await File.WriteAllTextAsync(path, "{\"schemaVersion\": 1, \"users\": [", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("diagnose", "--snapshot", path, "--all-users");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("$");
        run.Stdout.Should().BeEmpty();
    }
}
