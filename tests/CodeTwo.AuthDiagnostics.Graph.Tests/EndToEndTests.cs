using System.Text.Json;

using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph.Fakes;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;
using CodeTwo.AuthDiagnostics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CodeTwo.AuthDiagnostics.Graph;

public sealed class EndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Fixtures => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    // The host declares SMTP AUTH, so the plan holds the Graph requests this loop applies (catalog v1.1 §2).
    private static IAuthDiagnostics Diagnostics() => new ServiceCollection().AddAuthDiagnostics(o => o.LegacyProtocols = LegacyProtocols.SmtpAuth).Services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();

    [Fact]
    public async Task Capture_diagnose_apply_verify_makes_app_password_available()
    {
        await using var host = await GraphTestHost.StartAsync("seed-security-defaults.json");
        var diagnostics = Diagnostics();
        var before = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);
        var diagnosis = diagnostics.Diagnose(before, UserRef.Parse("backup@contoso.com"));
        diagnosis.Verdict.Should().Be(Verdict.Unavailable);
        diagnosis.Plan.Steps.Should().Contain(s => s.Request != null && s.Request.Url.StartsWith("https://graph.microsoft.com/", StringComparison.Ordinal), "plans are made for the snapshot's cloud");

        var runner = new PlanRunner(host.Executor, diagnostics, host.Clock, host.Source);
        var run = await runner.RunAsync(diagnosis, new PlanRunOptions
        {
            Mode = RunMode.Apply,
            Approver = PlanApprovers.All,
            Waits = WaitHandling.Block,
            ConfirmManualStep = (_, _) => ValueTask.FromResult(true),
        }, Ct);

        run.Status.Should().Be(PlanRunStatus.Completed, run.Message);
        run.VerifiedVerdict.Should().Be(Verdict.Available);
        var tenant = host.Server.Tenant;
        var user = tenant.FindUser("backup@contoso.com")!;
        ((bool)tenant.SecurityDefaults!["isEnabled"]!).Should().BeFalse();
        ((string)user.Requirements!["perUserMfaState"]!).Should().Be("enforced");
        // What-If evaluations are POSTs that read (batched, so never direct).
        var writes = host.Server.Log.Where(e => e.Request.Method != "GET" && !(e.Request.Method == "POST" && e.Request.Path is "/$batch" or "/identity/conditionalAccess/evaluate")).ToArray();
        writes.Select(e => $"{e.Request.Method} /{e.Request.Version}{e.Request.Path} {e.Status}").Should().Contain(
        [
            "PATCH /v1.0/policies/identitySecurityDefaultsEnforcementPolicy 204",
            $"PATCH /beta/users/{user.Id}/authentication/requirements 204",
            $"POST /v1.0/users/{user.Id}/revokeSignInSessions 200",
        ]);
        writes.Should().OnlyContain(e => e.Request.Headers["Authorization"] == "Bearer " + FakeGraphServer.DefaultToken);

        var after = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);
        diagnostics.Diagnose(after, UserRef.Parse("backup@contoso.com")).Verdict.Should().Be(Verdict.Available);
    }

    [Fact]
    public async Task A_forbidden_section_makes_the_verdict_indeterminate_not_available()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        var diagnostics = Diagnostics();
        diagnostics.Diagnose(await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct), UserRef.Parse("backup@contoso.com"))
            .Verdict.Should().Be(Verdict.Available);

        host.Server.Fail(r => r.Path == "/identity/conditionalAccess/policies", 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.");
        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser("backup@contoso.com"), Ct);
        var diagnosis = diagnostics.Diagnose(snapshot, UserRef.Parse("backup@contoso.com"));

        snapshot.Sections.ConditionalAccessPolicies.Status.Should().Be(SectionStatus.Failed);
        diagnosis.Verdict.Should().Be(Verdict.Indeterminate);
        diagnosis.Findings.Should().Contain(f => f.Code == DiagnosticCodes.DataNotCaptured);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_capture_of_a_fixture_shaped_tenant_equals_the_snapshot_it_was_served_from(string fixture)
    {
        var expected = await TenantSnapshot.LoadAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", fixture), Ct);
        await using var host = await GraphTestHost.StartAsync(fixture, o => o.Cloud = expected.Cloud, new FastForwardTimeProvider(expected.CapturedAt), pageSize: 1);
        var asked = expected.Users.Select(u => u.User.UserPrincipalName).Concat(expected.MissingUsers).ToArray();

        var actual = await host.Source.CaptureAsync(SnapshotRequest.ForUsers(asked), Ct);

        actual.TenantId.Should().Be(expected.TenantId);
        actual.Cloud.Should().Be(expected.Cloud);
        actual.CapturedAt.Should().Be(expected.CapturedAt);
        actual.MissingUsers.Should().Equal(expected.MissingUsers);
        SameSection(actual.Sections.SecurityDefaults, expected.Sections.SecurityDefaults, v => [v.Json]);
        SameSection(actual.Sections.ConditionalAccessPolicies, expected.Sections.ConditionalAccessPolicies, v => v.Select(p => p.Json));
        SameSection(actual.Sections.AuthenticationMethodsPolicy, expected.Sections.AuthenticationMethodsPolicy, v => [v.Json]);
        SameSection(actual.Sections.MfaServicePolicy, expected.Sections.MfaServicePolicy, v => [v.Json]);
        SameSection(actual.Sections.Domains, expected.Sections.Domains, v => v.Select(d => d.Json));
        SameSection(actual.Sections.SubscribedSkus, expected.Sections.SubscribedSkus, v => v.Select(s => s.Json));
        actual.Users.Should().HaveSameCount(expected.Users);
        foreach (var (a, e) in actual.Users.Zip(expected.Users))
        {
            JsonElement.DeepEquals(a.User.Json, e.User.Json).Should().BeTrue($"user {e.User.UserPrincipalName} is served as captured");
            SameSection(a.Sections.AuthenticationRequirements, e.Sections.AuthenticationRequirements, v => [v.Json]);
            SameSection(a.Sections.AuthenticationMethods, e.Sections.AuthenticationMethods, v => v.Select(m => m.Json));
            SameSection(a.Sections.TransitiveMemberOf, e.Sections.TransitiveMemberOf, v => v.Select(m => m.Json));

            // v1.2: what the file recorded comes back as far as a capture can hold it (the legacy sign-ins of the 7 days
            // before capturedAt; the evaluations the capture sends). Where the file recorded nothing, the fake's log
            // has nothing for the user and Microsoft's evaluations have no result.
            SameSignIns(a.Sections.SignIns, e.Sections.SignIns, expected.CapturedAt);
            SameEvaluations(a.Sections.ConditionalAccessEvaluation, e.Sections.ConditionalAccessEvaluation);
        }

        // The captured snapshot written to a file and read back offline is the same snapshot, with the same diagnosis.
        string path = Path.Combine(Path.GetTempPath(), $"c2-e2e-{Guid.NewGuid():N}.json");
        TenantSnapshot reloaded;
        try
        {
            await SnapshotWriter.WriteFileAsync(actual, path, cancellationToken: Ct);
            reloaded = await TenantSnapshot.LoadAsync(path, Ct);
        }
        finally
        {
            File.Delete(path);
        }

        SnapshotWriter.ToJson(reloaded).Should().Be(SnapshotWriter.ToJson(actual));
        reloaded.Users.Should().OnlyContain(u => u.Sections.SignIns.Status != SectionStatus.NotCaptured && u.Sections.ConditionalAccessEvaluation.Status != SectionStatus.NotCaptured, "the v1.2 sections survive the file");

        var diagnostics = Diagnostics();
        foreach (string user in asked)
        {
            var fromCapture = diagnostics.Diagnose(actual, UserRef.Parse(user));
            var fromFixture = diagnostics.Diagnose(expected, UserRef.Parse(user));
            var fromFile = diagnostics.Diagnose(reloaded, UserRef.Parse(user));
            fromCapture.Verdict.Should().Be(fromFixture.Verdict, user);
            fromCapture.Findings.Select(f => f.Code).Should().Equal(fromFixture.Findings.Select(f => f.Code), user);
            fromFile.Verdict.Should().Be(fromCapture.Verdict, user);
            fromFile.Findings.Select(f => (f.Code, f.Explanation)).Should().Equal(fromCapture.Findings.Select(f => (f.Code, f.Explanation)), user);
            fromFile.Plan.Steps.Select(s => s.Id).Should().Equal(fromCapture.Plan.Steps.Select(s => s.Id), user);
        }
    }

    [Fact]
    public async Task The_access_token_never_reaches_the_logs()
    {
        await using var host = await GraphTestHost.StartAsync("multi-user-tenant.json", pageSize: 1);
        host.Server.Fail(r => r.Path == "/identity/conditionalAccess/policies", 429, times: 1);
        host.Server.Fail(r => r.Path == "/domains", 403, code: "Authorization_RequestDenied");
        host.Server.Fail(r => r.InBatch && r.Path.EndsWith("/requirements", StringComparison.Ordinal), 429, times: 1, retryAfterSeconds: 1);
        host.Server.Fail(r => r.Method == "PATCH", 400);

        await host.Source.CaptureAsync(SnapshotRequest.ForUsers("backup@contoso.com", "nobody@contoso.com"), Ct);
        await host.Source.CaptureTenantAsync(Stream.Null, null, Ct);
        await host.Executor.SendAsync(new GraphRequest("PATCH", "https://graph.microsoft.com/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", "{\"isEnabled\":false}"), Ct);
        await host.Executor.SendAsync(new GraphRequest("GET", "https://graph.microsoft.com/v1.0/domains", null), Ct);

        host.Logs.Entries.Should().NotBeEmpty().And.Contain(e => e.Contains("retrying", StringComparison.Ordinal));
        host.Logs.Entries.Should().NotContain(e => e.Contains(FakeGraphServer.DefaultToken, StringComparison.Ordinal));
        host.Logs.Entries.Should().NotContain(e => e.Contains("Bearer", StringComparison.OrdinalIgnoreCase) || System.Text.RegularExpressions.Regex.IsMatch(e, @"Authorization\s*[:=]", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        host.Logs.Entries.Should().NotContain(e => e.Contains("$skiptoken", StringComparison.Ordinal), "query strings are not logged");
    }

    /// <summary>The file's legacy sign-ins of the window, newest first, at most 50: what a capture asks the log for.</summary>
    private static void SameSignIns(Section<SignInList> actual, Section<SignInList> expected, DateTimeOffset capturedAt)
    {
        if (expected.Status != SectionStatus.Captured)
        {
            if (ReferenceEquals(expected, Section<SignInList>.Absent))
            {
                actual.Value.Should().NotBeNull().And.BeEmpty();
                return;
            }

            SameSection(actual, expected, v => v.Select(s => s.Json));
            return;
        }

        string[] legacy = ["Authenticated SMTP", "IMAP4", "POP3", "Exchange ActiveSync", "Exchange Web Services", "Exchange Online PowerShell", "MAPI over HTTP", "Outlook Anywhere (RPC over HTTP)", "Offline Address Book", "Autodiscover", "Other clients"];
        var kept = expected.Value!
            .Where(s => legacy.Contains(s.ClientAppUsed, StringComparer.OrdinalIgnoreCase) && s.CreatedDateTime >= capturedAt.AddDays(-7) && s.CreatedDateTime <= capturedAt)
            .OrderByDescending(s => s.CreatedDateTime).Take(50).Select(s => s.Json).ToArray();
        actual.Status.Should().Be(SectionStatus.Captured);
        var got = actual.Value!.Select(s => s.Json).ToArray();
        got.Should().HaveSameCount(kept);
        got.Zip(kept).All(p => JsonElement.DeepEquals(p.First, p.Second)).Should().BeTrue("sign-ins are kept exactly as Graph sent them");
    }

    /// <summary>Every evaluation the capture sent has the file's answer to the same request, or none when the file has no such request.</summary>
    private static void SameEvaluations(Section<IReadOnlyList<ConditionalAccessEvaluation>> actual, Section<IReadOnlyList<ConditionalAccessEvaluation>> expected)
    {
        if (expected.Status is SectionStatus.Failed)
        {
            SameSection(actual, expected, v => v.Select(x => x.Json));
            return;
        }

        actual.Status.Should().Be(SectionStatus.Captured);
        actual.Value.Should().HaveCount(3, "no protocol declared: other, exchangeActiveSync, registerSecurityInformation");
        var recorded = expected.Value ?? [];
        foreach (var evaluation in actual.Value!)
        {
            var request = evaluation.Json.GetProperty("request");
            var match = recorded.FirstOrDefault(r => JsonElement.DeepEquals(r.Json.GetProperty("request"), request));
            if (match is null)
            {
                evaluation.Results.Should().BeEmpty("the file has no answer to {0}", request.GetRawText());
            }
            else
            {
                JsonElement.DeepEquals(evaluation.Json.GetProperty("value"), match.Json.GetProperty("value")).Should().BeTrue("Microsoft's answer is kept as it came");
            }
        }
    }

    private static void SameSection<T>(Section<T> actual, Section<T> expected, Func<T, IEnumerable<JsonElement>> payloads)
        where T : class
    {
        switch (expected.Status)
        {
            case SectionStatus.Captured:
                actual.Status.Should().Be(SectionStatus.Captured);
                var a = payloads(actual.Value!).ToArray();
                var e = payloads(expected.Value!).ToArray();
                a.Should().HaveSameCount(e);
                a.Zip(e).All(p => JsonElement.DeepEquals(p.First, p.Second)).Should().BeTrue("every payload is kept exactly as Graph sent it");
                break;
            case SectionStatus.Failed:
                actual.Status.Should().Be(SectionStatus.Failed);
                actual.Error!.HttpStatus.Should().Be(expected.Error!.HttpStatus);
                actual.Error.Code.Should().Be(expected.Error.Code);
                actual.Error.Message.Should().Be(expected.Error.Message);
                actual.Error.RequiredPermissions.Should().Equal(expected.Error.RequiredPermissions);
                break;
            default:
                // Nobody could read it there; here the tenant answers that it is not there.
                actual.Status.Should().NotBe(SectionStatus.Captured);
                break;
        }
    }
}
