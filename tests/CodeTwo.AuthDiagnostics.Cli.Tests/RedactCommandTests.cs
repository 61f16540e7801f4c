namespace CodeTwo.AuthDiagnostics.Cli.Tests;

public sealed class RedactCommandTests
{
    public static TheoryData<string> AllFixtures => Fixtures.All;

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public async Task Redacting_removes_every_user_principal_name_and_stays_valid(string fixture)
    {
        using var temp = new TempDirectory();
        string output = temp.File("redacted.json");
        var upns = Fixtures.UserPrincipalNames(Fixtures.Json(fixture));

        var run = await CliRun.RunAsync("redact", "--snapshot", Fixtures.PathOf(fixture), "--out", output);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().BeEmpty("the data goes to the file only");
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith($"Wrote redacted snapshot '{output}' (");
        File.Exists(output).Should().BeTrue();
        string redacted = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        foreach (string upn in upns)
        {
            redacted.Should().NotContainEquivalentOf(upn);
        }

        var again = await CliRun.RunAsync("validate", "--snapshot", output);
        again.ExitCode.Should().Be(0, again.ToString());
        Directory.GetFiles(temp.Path).Should().Equal([output], "the temporary file is moved into place, not left behind");
    }

    [Fact]
    public async Task The_redacted_snapshot_keeps_the_tenant_and_the_statuses()
    {
        using var temp = new TempDirectory();
        string output = temp.File("redacted.json");

        await CliRun.RunAsync("redact", "--snapshot", Fixtures.PathOf("ca-section-failed-403.json"), "--out", output);
        var run = await CliRun.RunAsync("validate", "--snapshot", output);

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("7b9ea66e-083b-4317-b614-c6aa1bfc22ea");
        run.Stdout.Should().Contain("failed: HTTP 403 Authorization_RequestDenied; required permissions: Policy.Read.All");
        run.Stdout.Should().MatchRegex(@"\n  user-[0-9a-f]{16}@domain-[0-9a-f]{16}\.example \(per-user MFA: enforced\)\n");
    }

    [Fact]
    public async Task Sign_in_evidence_loses_its_addresses_places_and_devices_and_stays_valid()
    {
        using var temp = new TempDirectory();
        string json = new CodeTwo.AuthDiagnostics.Testing.SnapshotBuilder()
            .WithConditionalAccessPolicy("Block legacy authentication", p => p.ClientAppTypes(ClientAppType.Other).Block())
            .WithUser("scanner@contoso.com", u => u
                .DisplayName("Front Desk Scanner")
                .SignIn(TimeSpan.FromHours(2), "Authenticated SMTP", 53003, s => s
                    .AppliedPolicy("Block legacy authentication", null, "failure")
                    .IpAddress("81.2.69.160")
                    .Location("Gdańsk", "PL", "Pomorskie")
                    .DeviceName("RICOH-MP-C3004"))
                .WhatIf(ClientAppType.Other, r => r.Applies("Block legacy authentication").IpAddress("81.2.69.160").Country("PL")))
            .BuildJson();
        string input = temp.Write("tenant.json", json);
        string output = temp.File("redacted.json");

        var run = await CliRun.RunAsync("redact", "--snapshot", input, "--out", output);

        run.ExitCode.Should().Be(0, run.ToString());
        string redacted = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        foreach (string secret in new[] { "81.2.69.160", "Gdańsk", "Gdan", "Pomorskie", "RICOH", "scanner@contoso.com", "Front Desk Scanner" })
        {
            redacted.Should().NotContainEquivalentOf(secret);
        }

        redacted.Should().Contain("\"errorCode\": 53003").And.Contain("\"clientAppUsed\": \"Authenticated SMTP\"").And.Contain("\"result\": \"failure\"");
        var again = await CliRun.RunAsync("validate", "--snapshot", output);
        again.ExitCode.Should().Be(0, again.ToString());
    }

    [Fact]
    public async Task A_key_changes_the_pseudonyms_and_the_same_key_gives_the_same_bytes()
    {
        using var temp = new TempDirectory();
        string input = Fixtures.PathOf("multi-user-tenant.json");

        (await CliRun.RunAsync("redact", "--snapshot", input, "--out", temp.File("default.json"))).ExitCode.Should().Be(0);
        (await CliRun.RunAsync("redact", "--snapshot", input, "--out", temp.File("key-1.json"), "--key", "s3cret")).ExitCode.Should().Be(0);
        var run = await CliRun.RunAsync("redact", "--snapshot", input, "--out", temp.File("key-2.json"), "--key", "s3cret");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().Contain("your --key");
        byte[] withDefault = await File.ReadAllBytesAsync(temp.File("default.json"), TestContext.Current.CancellationToken);
        byte[] withKey = await File.ReadAllBytesAsync(temp.File("key-1.json"), TestContext.Current.CancellationToken);
        byte[] withKeyAgain = await File.ReadAllBytesAsync(temp.File("key-2.json"), TestContext.Current.CancellationToken);
        withKey.Should().Equal(withKeyAgain);
        withKey.Should().NotEqual(withDefault);
    }

    [Fact]
    public async Task An_existing_output_file_is_replaced()
    {
        using var temp = new TempDirectory();
        string output = temp.Write("redacted.json", "old content");

        var run = await CliRun.RunAsync("redact", "--snapshot", Fixtures.PathOf("seed-security-defaults.json"), "--out", output);

        run.ExitCode.Should().Be(0);
        (await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken)).Should().StartWith("{\n  \"schemaVersion\": 1,");
    }

    [Fact]
    public async Task Redacting_onto_the_input_itself_is_refused()
    {
        using var temp = new TempDirectory();
        string input = temp.Write("tenant.json", File.ReadAllText(Fixtures.PathOf("seed-security-defaults.json")));
        byte[] before = await File.ReadAllBytesAsync(input, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("redact", "--snapshot", input, "--out", input);

        run.ExitCode.Should().Be(2);
        run.StderrLines.Should().Equal($"c2authdiag: refusing to write the redacted snapshot over its input '{input}'; choose another --out file");
        (await File.ReadAllBytesAsync(input, TestContext.Current.CancellationToken)).Should().Equal(before);
    }

    [Fact]
    public async Task Redacting_onto_the_input_spelled_differently_is_refused()
    {
        using var temp = new TempDirectory();
        string input = temp.Write("tenant.json", File.ReadAllText(Fixtures.PathOf("seed-security-defaults.json")));
        Directory.CreateDirectory(temp.File("sub"));
        string sameFile = Path.Combine(temp.Path, "sub", "..", ".", "tenant.json");

        var run = await CliRun.RunAsync("redact", "--snapshot", input, "--out", sameFile);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("refusing to write the redacted snapshot over its input");
    }

    [Fact]
    public async Task Redacting_onto_a_symbolic_link_to_the_input_is_refused()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "creating symbolic links needs a privilege on Windows");
        using var temp = new TempDirectory();
        string input = temp.Write("tenant.json", File.ReadAllText(Fixtures.PathOf("seed-security-defaults.json")));
        string link = temp.File("link.json");
        File.CreateSymbolicLink(link, input);
        byte[] before = await File.ReadAllBytesAsync(input, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("redact", "--snapshot", input, "--out", link);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("refusing to write the redacted snapshot over its input");
        (await File.ReadAllBytesAsync(input, TestContext.Current.CancellationToken)).Should().Equal(before);
    }

    [Fact]
    public async Task An_invalid_input_writes_nothing()
    {
        using var temp = new TempDirectory();
        string input = temp.Write("bad.json", "[]");
        string output = temp.File("redacted.json");

        var run = await CliRun.RunAsync("redact", "--snapshot", input, "--out", output);

        run.ExitCode.Should().Be(2);
        run.StderrLines.Should().Equal(
            $"c2authdiag: '{input}' is not a valid snapshot (1 error):",
            "$: an array; expected a JSON object (the snapshot envelope)");
        File.Exists(output).Should().BeFalse();
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task An_output_in_a_missing_directory_is_invalid_input()
    {
        using var temp = new TempDirectory();
        string output = Path.Combine(temp.Path, "no-such-dir", "redacted.json");

        var run = await CliRun.RunAsync("redact", "--snapshot", Fixtures.PathOf("seed-security-defaults.json"), "--out", output);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(output).And.Contain("does not exist");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task An_output_that_is_a_directory_is_invalid_input()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("redact", "--snapshot", Fixtures.PathOf("seed-security-defaults.json"), "--out", temp.Path);

        run.ExitCode.Should().Be(2);
        run.StderrLines.Should().Equal($"c2authdiag: cannot write '{temp.Path}': it is a directory; expected a file name for --out");
    }

    [Fact]
    public async Task An_empty_key_is_refused()
    {
        using var temp = new TempDirectory();
        string output = temp.File("redacted.json");

        var run = await CliRun.RunAsync("redact", "--snapshot", Fixtures.PathOf("seed-security-defaults.json"), "--out", output, "--key", "");

        run.ExitCode.Should().Be(2);
        run.StderrLines.Should().Equal("c2authdiag: --key needs a non-empty secret; leave --key out to use the default key");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Redact_without_out_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("redact", "--snapshot", Fixtures.PathOf("seed-security-defaults.json"));

        run.ExitCode.Should().Be(2);
        run.StderrLines.Should().Equal("c2authdiag: Option '--out' is required.", "Run 'c2authdiag redact --help' for usage.");
    }
}
