using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Cli;
using CodeTwo.AuthDiagnostics.Graph.Fakes;

namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>The CLI's live commands end to end: c2authdiag in-process against the fake Graph on 127.0.0.1.</summary>
public sealed class CliLiveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("seed-security-defaults.json", "backup@contoso.com")]
    [InlineData("multi-user-tenant.json", "admin@contoso.com")]
    [InlineData("ca-section-failed-403.json", "backup@contoso.com")]
    public async Task Diagnose_live_gives_the_same_diagnosis_as_the_offline_snapshot(string fixture, string user)
    {
        await using var server = await FakeGraphServer.StartAsync(FakeTenant.FromFixture(fixture));

        var live = await RunAsync("diagnose", "--live", "--graph-base-url", server.Root, "--access-token", FakeGraphServer.DefaultToken, "--user", user, "--format", "json");
        var offline = await RunAsync("diagnose", "--snapshot", Path.Combine(AppContext.BaseDirectory, "fixtures", fixture), "--user", user, "--format", "json");

        live.ExitCode.Should().Be(0, live.Stderr);
        offline.ExitCode.Should().Be(0, offline.Stderr);
        JsonNode.DeepEquals(WithoutCaptureTime(live.Stdout), WithoutCaptureTime(offline.Stdout)).Should().BeTrue(
            $"the live diagnosis must equal the offline one\n--- live ---\n{live.Stdout}\n--- offline ---\n{offline.Stdout}");
        (live.Stdout + live.Stderr).Should().NotContain(FakeGraphServer.DefaultToken, "the token is never echoed");
    }

    [Theory]
    [InlineData("seed-security-defaults.json", "backup@contoso.com")]
    [InlineData("multi-user-tenant.json", "admin@contoso.com")]
    public async Task Diagnose_live_equals_the_diagnosis_of_the_captured_file_with_sign_ins_and_What_If(string fixture, string user)
    {
        // The fixture's tenant, with what v1.2 observes: a failed SMTP sign-in and Microsoft's own evaluation.
        var tenant = FakeTenant.FromFixture(fixture);
        tenant.EvaluatesConditionalAccess = true;
        var fakeUser = tenant.FindUser(user)!;
        tenant.SignIns.Add(FakeTenant.SignIn(fakeUser, "Authenticated SMTP", DateTimeOffset.UtcNow.AddHours(-2), 50076));
        await using var server = await FakeGraphServer.StartAsync(tenant);
        string path = Path.Combine(Path.GetTempPath(), $"c2-live-{Guid.NewGuid():N}.json");
        try
        {
            string[] connection = ["--graph-base-url", server.Root, "--access-token", FakeGraphServer.DefaultToken, "--user", user];
            var capture = await RunAsync(["capture", "--out", path, "--legacy-protocol", "SMTP", .. connection]);
            var live = await RunAsync(["diagnose", "--live", "--format", "json", "--legacy-protocol", "SMTP", .. connection]);
            var offline = await RunAsync("diagnose", "--snapshot", path, "--user", user, "--format", "json", "--legacy-protocol", "SMTP");

            capture.ExitCode.Should().Be(0, capture.Stderr);
            live.ExitCode.Should().Be(0, live.Stderr);
            offline.ExitCode.Should().Be(0, offline.Stderr);
            var written = JsonNode.Parse(await File.ReadAllTextAsync(path, Ct))!["users"]![0]!["sections"]!;
            written["signIns"]!["value"]!.AsArray().Should().ContainSingle();
            written["conditionalAccessEvaluation"]!["value"]!.AsArray().Select(e => (string)e!["request"]!["signInConditions"]!["clientAppType"]!).Should().Equal(["other", "browser"], "SMTP is declared");
            JsonNode.DeepEquals(WithoutCaptureTime(live.Stdout), WithoutCaptureTime(offline.Stdout)).Should().BeTrue(
                $"the live diagnosis must equal the captured file's\n--- live ---\n{live.Stdout}\n--- file ---\n{offline.Stdout}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Capture_writes_a_valid_snapshot_and_never_prints_the_token()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeTenant.FromFixture("seed-security-defaults.json"));
        string path = Path.Combine(Path.GetTempPath(), $"c2-capture-{Guid.NewGuid():N}.json");
        try
        {
            var capture = await RunAsync("capture", "--user", "backup@contoso.com", "--user", "nobody@contoso.com", "--graph-base-url", server.Root, "--access-token", FakeGraphServer.DefaultToken, "--out", path);
            var validate = await RunAsync("validate", "--snapshot", path);

            capture.ExitCode.Should().Be(0, capture.Stderr);
            capture.Stderr.Should().Contain("1 user(s), 1 missing");
            validate.ExitCode.Should().Be(0, validate.Stderr);
            (await File.ReadAllTextAsync(path, Ct)).Should().Contain("\"nobody@contoso.com\"").And.NotContain(FakeGraphServer.DefaultToken);
            (capture.Stdout + capture.Stderr).Should().NotContain(FakeGraphServer.DefaultToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Capture_all_users_reads_the_sign_in_log_once_and_evaluates_only_with_what_if()
    {
        var tenant = ObservationCaptureTests.TenantWithMfaPolicy(30);
        foreach (var user in tenant.Users)
        {
            tenant.SignIns.Add(FakeTenant.SignIn(user, "IMAP4", DateTimeOffset.UtcNow.AddHours(-1)));
        }

        await using var server = await FakeGraphServer.StartAsync(tenant);
        string directory = Path.Combine(Path.GetTempPath(), $"c2-all-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            string[] connection = ["--graph-base-url", server.Root, "--access-token", FakeGraphServer.DefaultToken];
            var plain = await RunAsync(["capture", "--all-users", "--out", Path.Combine(directory, "plain.json"), .. connection]);
            int logReads = server.RequestCount("/beta/auditLogs/signIns");
            int evaluations = server.RequestCount("/v1.0/identity/conditionalAccess/evaluate");
            var whatIf = await RunAsync(["capture", "--all-users", "--what-if", "--legacy-protocol", "IMAP", "--out", Path.Combine(directory, "what-if.json"), .. connection]);

            plain.ExitCode.Should().Be(0, plain.Stderr);
            whatIf.ExitCode.Should().Be(0, whatIf.Stderr);
            logReads.Should().Be(1);
            evaluations.Should().Be(0, "tenant-wide What-If is asked for with --what-if");
            server.RequestCount("/beta/auditLogs/signIns").Should().Be(2);
            server.RequestCount("/v1.0/identity/conditionalAccess/evaluate").Should().Be(30 * 2, "IMAP is 'other', plus registerSecurityInformation");
            var written = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "plain.json"), Ct))!["users"]!.AsArray();
            written.Should().HaveCount(30).And.OnlyContain(u => u!["sections"]!["signIns"]!["value"]!.AsArray().Count == 1 && (string)u["sections"]!["conditionalAccessEvaluation"]!["status"]! == "notCaptured");
            (await RunAsync("validate", "--snapshot", Path.Combine(directory, "what-if.json"))).ExitCode.Should().Be(0);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task No_sign_ins_and_no_what_if_leave_both_out_of_a_live_diagnosis()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeTenant.FromFixture("seed-security-defaults.json"));

        var live = await RunAsync("diagnose", "--live", "--no-sign-ins", "--no-what-if", "--graph-base-url", server.Root, "--access-token", FakeGraphServer.DefaultToken, "--user", "backup@contoso.com", "--format", "json");

        live.ExitCode.Should().Be(0, live.Stderr);
        server.RequestCount("/beta/auditLogs/signIns").Should().Be(0);
        server.RequestCount("/v1.0/identity/conditionalAccess/evaluate").Should().Be(0);
    }

    [Fact]
    public async Task Capture_merges_the_exchange_settings_file_into_the_snapshot()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeTenant.FromFixture("seed-security-defaults.json"));
        string directory = Path.Combine(Path.GetTempPath(), $"c2-capture-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            string settings = Path.Combine(directory, "exchange-online.json");
            string path = Path.Combine(directory, "tenant.json");
            const string value = """{"smtpClientAuthenticationDisabled":true,"defaultAuthenticationPolicy":null,"authenticationPolicies":[],"users":{"cbf27734-ac10-4525-8b66-402800e03d2c":{"smtpClientAuthenticationDisabled":false,"authenticationPolicy":null}},"collectedBy":"exchange-script"}""";
            await File.WriteAllTextAsync(path: settings, contents: value, cancellationToken: Ct);

            var capture = await RunAsync("capture", "--user", "backup@contoso.com", "--exchange-settings", settings, "--graph-base-url", server.Root, "--access-token", FakeGraphServer.DefaultToken, "--out", path);
            var toStdout = await RunAsync("capture", "--user", "backup@contoso.com", "--exchange-settings", settings, "--graph-base-url", server.Root, "--access-token", FakeGraphServer.DefaultToken);
            var validate = await RunAsync("validate", "--snapshot", path);

            capture.ExitCode.Should().Be(0, capture.Stderr);
            validate.ExitCode.Should().Be(0, validate.Stderr);
            var written = JsonNode.Parse(await File.ReadAllTextAsync(path, Ct))!;
            written["sections"]!["exchangeOnline"]!["status"]!.GetValue<string>().Should().Be("captured");
            JsonNode.DeepEquals(written["sections"]!["exchangeOnline"]!["value"], JsonNode.Parse(value)).Should().BeTrue();
            toStdout.ExitCode.Should().Be(0, toStdout.Stderr);
            JsonNode.DeepEquals(JsonNode.Parse(toStdout.Stdout)!["sections"]!["exchangeOnline"], written["sections"]!["exchangeOnline"]).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Capture_rejects_a_bad_exchange_settings_file_before_any_request()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeTenant.FromFixture("seed-security-defaults.json"));
        string settings = Path.Combine(Path.GetTempPath(), $"c2-exchange-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(settings, """{"smtpClientAuthenticationDisabled":false,"authenticationPolicies":[{"name":"","allowBasicAuthSmtp":true}]}""", Ct);

            var capture = await RunAsync("capture", "--user", "backup@contoso.com", "--exchange-settings", settings, "--graph-base-url", server.Root, "--access-token", FakeGraphServer.DefaultToken);
            var all = await RunAsync("capture", "--all-users", "--exchange-settings", settings, "--out", settings + ".out", "--graph-base-url", server.Root, "--access-token", FakeGraphServer.DefaultToken);

            capture.ExitCode.Should().Be(2, capture.Stderr);
            capture.Stderr.Should().Contain($"'{settings}' is not valid Exchange Online settings")
                .And.Contain("$.authenticationPolicies[0].name: string \"\"; expected the policy's name, which is never empty")
                .And.NotContain("   at ");
            capture.Stdout.Should().BeEmpty();
            all.ExitCode.Should().Be(2, all.Stderr);
            all.Stderr.Should().Contain("--all-users streams the snapshot");
            server.OuterRequests.Should().Be(0, "a bad input is reported before anything is read from Graph");
        }
        finally
        {
            File.Delete(settings);
        }
    }

    [Fact]
    public async Task Apply_live_is_a_dry_run_unless_asked_and_then_writes_through_graph()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeTenant.FromFixture("per-user-enabled.json"));
        string[] connection = ["--live", "--user", "backup@contoso.com", "--graph-base-url", server.Root, "--access-token", FakeGraphServer.DefaultToken];
        string journal = Path.Combine(Path.GetTempPath(), $"c2-journal-{Guid.NewGuid():N}.jsonl");
        try
        {
            var dry = await RunAsync(["apply", "--executor", "graph", .. connection]);
            dry.ExitCode.Should().Be(0, dry.Stderr);
            dry.Stdout.Should().Contain("[would] enforce-per-user-mfa");
            server.Requests(r => r.Method != "GET" && !r.Path.EndsWith("$batch", StringComparison.Ordinal) && r.Path != "/identity/conditionalAccess/evaluate").Should().BeEmpty("a dry run writes nothing (What-If POSTs only read)");

            var noJournal = await RunAsync(["apply", "--executor", "graph", "--apply", .. connection]);
            noJournal.ExitCode.Should().Be(2);
            noJournal.Stderr.Should().Contain("needs --journal");

            var applied = await RunAsync(["apply", "--executor", "graph", "--apply", "--journal", journal, .. connection]);
            applied.ExitCode.Should().Be(3, applied.Stdout + applied.Stderr);
            applied.Stdout.Should().Contain("[done] enforce-per-user-mfa").And.Contain("[done] revoke-sign-in-sessions").And.Contain("WaitingUntil");
            applied.Stdout.Should().Contain("--resume");
            server.Requests(r => r.Method == "PATCH" && r.Path.EndsWith("/authentication/requirements", StringComparison.Ordinal)).Should().ContainSingle();
        }
        finally
        {
            File.Delete(journal);
        }
    }

    [Fact]
    public async Task Executor_graph_without_live_is_a_usage_error()
    {
        var run = await RunAsync("apply", "--executor", "graph");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("add --live");
    }

    /// <summary>
    /// What may differ between a live capture and the offline file, and nothing else: the capture time; the user's
    /// position in the snapshot (a one-user capture puts the user at /users/0, the file may hold it further down); and
    /// APW091's explanation, which quotes why mfaServicePolicy was not captured (the file's hand-written reason versus
    /// the endpoint's real answer).
    /// </summary>
    private static JsonNode WithoutCaptureTime(string json)
    {
        json = System.Text.RegularExpressions.Regex.Replace(json, "\"/users/[0-9]+/", "\"/users/N/");
        var node = JsonNode.Parse(json)!;
        node.AsObject().Remove("capturedAt");
        foreach (var finding in node["findings"]!.AsArray())
        {
            if (finding!["code"]!.GetValue<string>() == "APW091")
            {
                finding.AsObject().Remove("explanation");
            }

            if (finding["code"]!.GetValue<string>() == "APW060")
            {
                // The retirement table is read on the capture date, which a live capture sets to its own time.
                finding.AsObject().Remove("explanation");
                var evidence = finding["evidence"]!.AsArray();
                for (int i = evidence.Count - 1; i >= 0; i--)
                {
                    if (evidence[i]!["path"]!.GetValue<string>() == "/capturedAt")
                    {
                        evidence.RemoveAt(i);
                    }
                }
            }
        }

        return node;
    }

    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int exit = await new CliApplication().RunAsync(args, stdout, stderr, Ct);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
