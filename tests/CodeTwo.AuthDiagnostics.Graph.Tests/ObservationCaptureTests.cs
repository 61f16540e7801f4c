using System.Text.Json;
using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Graph.Fakes;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>The v1.2 user sections: <c>signIns</c> from the sign-in log and <c>conditionalAccessEvaluation</c> from What-If (catalog v1.2 §1, §5).</summary>
public sealed class ObservationCaptureTests
{
    private const string SignInLog = "/beta/auditLogs/signIns";
    private const string Evaluate = "/v1.0/identity/conditionalAccess/evaluate";

    /// <summary>The capture time of these tests (the fake clock starts here).</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_one_user_capture_writes_both_sections_in_the_documented_shape()
    {
        var tenant = TenantWithMfaPolicy(3);
        var user = tenant.Users[0];
        var smtp = FakeTenant.SignIn(user, "Authenticated SMTP", Now.AddHours(-1), 50076, "198.51.100.7", "DE", policies: ("7c1c2a1e-0000-4000-8000-000000000001", "Require MFA", "failure"));
        var imap = FakeTenant.SignIn(user, "IMAP4", Now.AddDays(-2), 0, "198.51.100.8", "PL", "nonInteractiveUser");
        tenant.SignIns.AddRange(
        [
            imap,
            FakeTenant.SignIn(user, "Browser", Now.AddMinutes(-5)),                    // not legacy: filtered out
            FakeTenant.SignIn(user, "Authenticated SMTP", Now.AddDays(-8)),            // older than 7 days
            FakeTenant.SignIn(user, "Authenticated SMTP", Now.AddDays(-3), eventType: "servicePrincipal"),
            smtp,
            FakeTenant.SignIn(tenant.Users[1], "POP3", Now.AddHours(-2)),             // another user
        ]);
        await using var host = await GraphTestHost.StartAsync(tenant, clock: new FastForwardTimeProvider(Now));

        var document = await host.Source.CaptureDocumentAsync(SnapshotRequest.ForUser(user.UserPrincipalName), null, Ct);

        var root = JsonNode.Parse(document.Span)!;
        var sections = root["users"]![0]!["sections"]!.AsObject();
        sections.Select(p => p.Key).Should().Equal("authenticationRequirements", "authenticationMethods", "transitiveMemberOf", "conditionalAccessEvaluation", "signIns");
        sections["signIns"]!["status"]!.GetValue<string>().Should().Be("captured");
        var signIns = sections["signIns"]!["value"]!.AsArray();
        signIns.Select(s => (string)s!["id"]!).Should().Equal((string)smtp["id"]!, (string)imap["id"]!);
        JsonNode.DeepEquals(signIns[0], smtp).Should().BeTrue("sign-ins are kept exactly as Graph sent them");

        var request = host.Server.Requests(r => "/" + r.Version + r.Path == SignInLog).Should().ContainSingle().Subject;
        request.InBatch.Should().BeFalse();
        request.Headers["Prefer"].Should().Be("include-unknown-enum-members");
        request.Param("$top").Should().Be("1000");
        request.Param("$filter").Should()
            .Contain("createdDateTime ge 2026-11-24T12:00:00Z and createdDateTime le 2026-12-01T12:00:00Z")
            .And.Contain("clientAppUsed eq 'Authenticated SMTP' or clientAppUsed eq 'IMAP4' or clientAppUsed eq 'POP3' or clientAppUsed eq 'Exchange ActiveSync' or clientAppUsed eq 'Exchange Web Services' or clientAppUsed eq 'Exchange Online PowerShell' or clientAppUsed eq 'MAPI over HTTP' or clientAppUsed eq 'Outlook Anywhere (RPC over HTTP)' or clientAppUsed eq 'Offline Address Book' or clientAppUsed eq 'Autodiscover' or clientAppUsed eq 'Other clients'")
            .And.Contain("signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')")
            .And.Contain($"userId eq '{user.Id}'");

        var evaluations = sections["conditionalAccessEvaluation"]!["value"]!.AsArray();
        evaluations.Should().HaveCount(3, "no protocol declared: other and exchangeActiveSync, then registerSecurityInformation");
        JsonNode.DeepEquals(evaluations[0]!["request"], JsonNode.Parse($$"""
            {"signInIdentity":{"@odata.type":"#microsoft.graph.userSignIn","userId":"{{user.Id}}"},
             "signInContext":{"@odata.type":"#microsoft.graph.applicationContext","includeApplications":["00000002-0000-0ff1-ce00-000000000000"]},
             "signInConditions":{"clientAppType":"other","ipAddress":"198.51.100.7","country":"DE"},
             "appliedPoliciesOnly":false}
            """)).Should().BeTrue(evaluations[0]!["request"]!.ToJsonString());
        evaluations[1]!["request"]!["signInConditions"]!["clientAppType"]!.GetValue<string>().Should().Be("exchangeActiveSync");
        JsonNode.DeepEquals(evaluations[2]!["request"], JsonNode.Parse($$"""
            {"signInIdentity":{"@odata.type":"#microsoft.graph.userSignIn","userId":"{{user.Id}}"},
             "signInContext":{"@odata.type":"#microsoft.graph.userActionContext","userAction":"registerSecurityInformation"},
             "signInConditions":{"clientAppType":"browser"},
             "appliedPoliciesOnly":false}
            """)).Should().BeTrue(evaluations[2]!["request"]!.ToJsonString());
        var result = evaluations[0]!["value"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)result["id"]!).Should().Be("7c1c2a1e-0000-4000-8000-000000000001");
        ((bool)result["policyApplies"]!).Should().BeTrue();
        ((string)result["analysisReasons"]!).Should().Be("notSet");
        ((string)evaluations[2]!["value"]![0]!["analysisReasons"]!).Should().Be("userActions");

        // The evaluations went through $batch, after the sign-ins were read.
        var posts = host.Server.Requests(r => "/" + r.Version + r.Path == Evaluate);
        posts.Should().HaveCount(3).And.OnlyContain(r => r.InBatch && r.Method == "POST");
        host.Server.Log.ToList().FindIndex(e => "/" + e.Request.Version + e.Request.Path == Evaluate)
            .Should().BeGreaterThan(host.Server.Log.ToList().FindIndex(e => "/" + e.Request.Version + e.Request.Path == SignInLog));

        // And the core reads what the capture wrote.
        var snapshot = new SnapshotReader().Read(document.ToArray());
        var read = snapshot.Users.Should().ContainSingle().Subject.Sections;
        read.SignIns.Value!.Select(s => s.ErrorCode).Should().Equal(50076, 0);
        read.ConditionalAccessEvaluation.Value.Should().HaveCount(3);
        snapshot.Contents.Users[0].Sections.Select(s => s.Name).Should().EndWith(["conditionalAccessEvaluation", "signIns"]);
    }

    [Theory]
    [InlineData(LegacyProtocols.SmtpAuth, new[] { "other", "browser" })]
    [InlineData(LegacyProtocols.Imap | LegacyProtocols.Ews | LegacyProtocols.OutlookMapi, new[] { "other", "browser" })]
    [InlineData(LegacyProtocols.ExchangeActiveSync, new[] { "exchangeActiveSync", "browser" })]
    [InlineData(LegacyProtocols.SmtpAuth | LegacyProtocols.ExchangeActiveSync, new[] { "other", "exchangeActiveSync", "browser" })]
    [InlineData(LegacyProtocols.None, new[] { "other", "exchangeActiveSync", "browser" })]
    public async Task What_If_asks_about_the_client_types_of_the_declared_protocols(LegacyProtocols declared, string[] clientTypes)
    {
        var tenant = TenantWithMfaPolicy(1);
        await using var host = await GraphTestHost.StartAsync(tenant, o => { o.LegacyProtocols = declared; o.TargetResourceAppId = "11111111-2222-3333-4444-555555555555"; });

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser(tenant.Users[0].Id), Ct);

        var evaluations = snapshot.Users[0].Sections.ConditionalAccessEvaluation.Value!;
        evaluations.Select(e => (string)e.Json.GetProperty("request").GetProperty("signInConditions").GetProperty("clientAppType").GetString()!).Should().Equal(clientTypes);
        evaluations.SkipLast(1).Should().OnlyContain(e => e.IncludeApplications.SequenceEqual(new[] { "11111111-2222-3333-4444-555555555555" }));
        evaluations.Select(e => e.Json.GetProperty("request").GetProperty("signInConditions").TryGetProperty("ipAddress", out _)).Should().OnlyContain(has => !has, "the user has no legacy sign-in");
    }

    [Fact]
    public async Task A_user_named_twice_is_read_and_evaluated_once()
    {
        var tenant = TenantWithMfaPolicy(2);
        await using var host = await GraphTestHost.StartAsync(tenant);

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUsers(tenant.Users[0].UserPrincipalName, tenant.Users[0].Id), Ct);

        snapshot.Users.Should().ContainSingle().Which.Sections.ConditionalAccessEvaluation.Value.Should().HaveCount(3);
        host.Server.RequestCount(SignInLog).Should().Be(1);
        host.Server.RequestCount(Evaluate).Should().Be(3);
    }

    [Fact]
    public async Task Dependency_injection_takes_the_declared_protocols_and_target_resource_from_the_core_options()
    {
        using var client = new GraphServiceClient(new HttpClient(), new FixedTokenAuthenticationProvider("t"));
        using var inherited = new ServiceCollection()
            .AddAuthDiagnostics(o => { o.LegacyProtocols = LegacyProtocols.Imap; o.TargetResourceAppId = "11111111-2222-3333-4444-555555555555"; })
            .AddMicrosoftGraph(client).Services.BuildServiceProvider();
        using var own = new ServiceCollection()
            .AddAuthDiagnostics(o => o.LegacyProtocols = LegacyProtocols.Imap)
            .AddMicrosoftGraph(client, o => o.LegacyProtocols = LegacyProtocols.ExchangeActiveSync).Services.BuildServiceProvider();

        inherited.GetRequiredService<IOptions<MicrosoftGraphOptions>>().Value.Should().BeEquivalentTo(new { LegacyProtocols = (LegacyProtocols?)LegacyProtocols.Imap, TargetResourceAppId = "11111111-2222-3333-4444-555555555555" });
        own.GetRequiredService<IOptions<MicrosoftGraphOptions>>().Value.Should().BeEquivalentTo(new { LegacyProtocols = (LegacyProtocols?)LegacyProtocols.ExchangeActiveSync, TargetResourceAppId = KnownApps.ExchangeOnline });
    }

    [Fact]
    public async Task A_tenant_wide_capture_reads_the_log_once_in_pages_and_gives_each_user_its_own()
    {
        var tenant = TenantWithMfaPolicy(250);
        for (int i = 0; i < tenant.Users.Count; i++)
        {
            // User 0's sign-ins are the oldest, so they come on the log's last page, yet user 0 is written first.
            var at = i == 0 ? Now.AddDays(-6) : Now.AddMinutes(-i);
            tenant.SignIns.Add(FakeTenant.SignIn(tenant.Users[i], "Authenticated SMTP", at, 50076));
            tenant.SignIns.Add(FakeTenant.SignIn(tenant.Users[i], "IMAP4", at.AddSeconds(-1), eventType: "nonInteractiveUser"));
        }

        var busy = tenant.Users[7];
        for (int n = 0; n < 60; n++)
        {
            tenant.SignIns.Add(FakeTenant.SignIn(busy, "POP3", Now.AddHours(-3).AddSeconds(-n), 50126));
        }

        await using var host = await GraphTestHost.StartAsync(tenant, o => o.PageSize = 100, new FastForwardTimeProvider(Now), pageSize: 999, server: s => s.SignInPageSize = 100);
        using var output = new MemoryStream();

        var result = await host.Source.CaptureTenantAsync(output, null, Ct);

        var snapshot = new SnapshotReader().Read(output.ToArray());
        snapshot.Users.Should().HaveCount(250);
        result.FailedSections.Should().Be(0);
        int total = (250 * 2) + 60;
        host.Server.RequestCount(SignInLog).Should().Be((total + 99) / 100, "the log is read once, page by page");
        host.Server.Requests(r => "/" + r.Version + r.Path == SignInLog).Should().OnlyContain(r => r.Param("$filter")!.Contains("userId", StringComparison.Ordinal) == false, "never one request per user");
        snapshot.Users[0].Sections.SignIns.Value.Should().HaveCount(2).And.OnlyContain(s => s.CreatedDateTime < Now.AddDays(-5));
        snapshot.Users[1].Sections.SignIns.Value!.Select(s => s.ClientAppUsed).Should().Equal("Authenticated SMTP", "IMAP4");
        var busySignIns = snapshot.FindUser(busy.Id)!.Sections.SignIns.Value!;
        busySignIns.Should().HaveCount(50);
        busySignIns.Select(s => s.CreatedDateTime).Should().BeInDescendingOrder();
        busySignIns[0].ClientAppUsed.Should().Be("Authenticated SMTP", "the newest first");
        snapshot.Users.Should().OnlyContain(u => u.Sections.SignIns.Value!.All(s => s.Json.GetProperty("userId").GetString() == u.User.Id));

        // What-If is off tenant-wide unless asked for.
        snapshot.Users.Should().OnlyContain(u => u.Sections.ConditionalAccessEvaluation.Status == SectionStatus.NotCaptured);
        snapshot.Users[0].Sections.ConditionalAccessEvaluation.Reason.Should().Contain("TenantUserSections");
        host.Server.RequestCount(Evaluate).Should().Be(0);
    }

    [Fact]
    public async Task A_tenant_wide_capture_evaluates_every_user_when_asked_with_the_newest_sign_in_location()
    {
        var tenant = TenantWithMfaPolicy(45);
        tenant.SignIns.Add(FakeTenant.SignIn(tenant.Users[3], "Authenticated SMTP", Now.AddHours(-1), 50076, "192.0.2.44", "NO"));
        tenant.SignIns.Add(FakeTenant.SignIn(tenant.Users[3], "Authenticated SMTP", Now.AddHours(-9), 0, "192.0.2.45", "SE"));
        await using var host = await GraphTestHost.StartAsync(tenant, o => { o.TenantUserSections = UserSectionSelection.All; o.LegacyProtocols = LegacyProtocols.SmtpAuth; }, new FastForwardTimeProvider(Now));
        using var output = new MemoryStream();

        await host.Source.CaptureTenantAsync(output, null, Ct);

        var snapshot = new SnapshotReader().Read(output.ToArray());
        snapshot.Users.Should().OnlyContain(u => u.Sections.ConditionalAccessEvaluation.Value!.Count == 2);
        host.Server.RequestCount(Evaluate).Should().Be(90);
        host.Server.Log.Where(e => e.BatchSize != null && e.Request.Version == "v1.0").Should().OnlyContain(e => e.BatchSize <= 20);
        var conditions = snapshot.Users[3].Sections.ConditionalAccessEvaluation.Value![0].Json.GetProperty("request").GetProperty("signInConditions");
        conditions.GetProperty("ipAddress").GetString().Should().Be("192.0.2.44");
        conditions.GetProperty("country").GetString().Should().Be("NO");
        host.Server.RequestCount(SignInLog).Should().Be(1);
    }

    [Fact]
    public async Task More_than_ten_named_users_read_the_log_once_and_keep_only_theirs()
    {
        var tenant = TenantWithMfaPolicy(30);
        foreach (var user in tenant.Users)
        {
            tenant.SignIns.Add(FakeTenant.SignIn(user, "Exchange ActiveSync", Now.AddHours(-1)));
        }

        await using var host = await GraphTestHost.StartAsync(tenant, o => o.UserSections = UserSectionSelection.All & ~UserSectionSelection.ConditionalAccessEvaluation, new FastForwardTimeProvider(Now));

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUsers(tenant.Users.Take(12).Select(u => u.UserPrincipalName).ToArray()), Ct);

        host.Server.Requests(r => "/" + r.Version + r.Path == SignInLog).Should().ContainSingle().Which.Param("$filter").Should().NotContain("userId");
        snapshot.Users.Should().HaveCount(12).And.OnlyContain(u => u.Sections.SignIns.Value!.Count == 1);
        snapshot.Users.Should().OnlyContain(u => u.Sections.ConditionalAccessEvaluation.Status == SectionStatus.NotCaptured);
        host.Server.RequestCount(Evaluate).Should().Be(0);
    }

    [Theory]
    [InlineData("Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Tenant does not have a SKU required for this feature.")]
    [InlineData("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")]
    public async Task A_refused_sign_in_log_fails_every_users_section_and_the_capture_goes_on(string code, string message)
    {
        var tenant = TenantWithMfaPolicy(25);
        tenant.Errors["signIns"] = new FakeError(403, code, message);
        await using var host = await GraphTestHost.StartAsync(tenant, o => o.TenantUserSections = UserSectionSelection.All, new FastForwardTimeProvider(Now));
        using var output = new MemoryStream();

        var result = await host.Source.CaptureTenantAsync(output, null, Ct);
        var one = await host.Source.CaptureAsync(SnapshotRequest.ForUser(tenant.Users[0].UserPrincipalName), Ct);

        var snapshot = new SnapshotReader().Read(output.ToArray());
        result.Users.Should().Be(25);
        result.FailedSections.Should().Be(25);
        foreach (var user in snapshot.Users.Concat(one.Users))
        {
            user.Sections.SignIns.Status.Should().Be(SectionStatus.Failed);
            user.Sections.SignIns.Error.Should().BeEquivalentTo(new { HttpStatus = 403, Code = code, Message = message });
            user.Sections.SignIns.Error!.RequiredPermissions.Should().Equal("AuditLog.Read.All", "Directory.Read.All");
            user.Sections.AuthenticationMethods.IsCaptured.Should().BeTrue();
            user.Sections.ConditionalAccessEvaluation.IsCaptured.Should().BeTrue("What-If goes on without the sign-ins' location");
        }

        host.Server.RequestCount(SignInLog).Should().Be(2, "a 403 is not retried: one for the tenant, one for the user");
    }

    [Fact]
    public async Task A_refused_What_If_fails_the_section_with_its_permission_and_the_capture_goes_on()
    {
        var tenant = TenantWithMfaPolicy(2);
        tenant.Errors["conditionalAccessEvaluation"] = new FakeError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        await using var host = await GraphTestHost.StartAsync(tenant);

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUsers(tenant.Users[0].Id, tenant.Users[1].Id), Ct);

        snapshot.Users.Should().HaveCount(2).And.OnlyContain(u => u.Sections.ConditionalAccessEvaluation.Status == SectionStatus.Failed && u.Sections.SignIns.IsCaptured);
        var error = snapshot.Users[0].Sections.ConditionalAccessEvaluation.Error!;
        error.Should().BeEquivalentTo(new { HttpStatus = 403, Code = "Authorization_RequestDenied" });
        error.RequiredPermissions.Should().Equal("Policy.Read.ConditionalAccess");
    }

    [Fact]
    public async Task A_throttled_sign_in_log_waits_as_Retry_After_says_on_the_injected_clock()
    {
        var tenant = TenantWithMfaPolicy(5);
        foreach (var user in tenant.Users)
        {
            tenant.SignIns.Add(FakeTenant.SignIn(user, "Authenticated SMTP", Now.AddHours(-1)));
        }

        await using var host = await GraphTestHost.StartAsync(tenant, clock: new FastForwardTimeProvider(Now), server: s => s.SignInPageSize = 2);
        host.Server.Fail(r => r.Path == "/auditLogs/signIns" && r.Param("$skiptoken") == "2", 429, times: 2, code: "TooManyRequests", retryAfterSeconds: 37);
        using var output = new MemoryStream();

        var result = await host.Source.CaptureTenantAsync(output, null, Ct);

        var snapshot = new SnapshotReader().Read(output.ToArray());
        snapshot.Users.Should().OnlyContain(u => u.Sections.SignIns.Value!.Count == 1);
        host.Server.RequestCount(SignInLog).Should().Be(3 + 2, "three pages, the second one asked three times");
        host.Server.Requests(r => r.Path == "/auditLogs/signIns").Should().OnlyContain(r => r.Headers["Prefer"] == "include-unknown-enum-members", "every page, retries included, asks for the new enum members");
        host.FastForward!.Waits.Count(w => w == TimeSpan.FromSeconds(37)).Should().BeGreaterThanOrEqualTo(2);
        host.FastForward.Waits.Should().OnlyContain(w => w <= TimeSpan.FromSeconds(37));
        result.Retries.Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Report_only_results_are_kept_because_the_capture_asks_for_new_enum_members()
    {
        var tenant = TenantWithMfaPolicy(1);
        tenant.SignIns.Add(FakeTenant.SignIn(tenant.Users[0], "Authenticated SMTP", Now.AddHours(-1), 0, policies: ("a0a0a0a0-0000-4000-8000-000000000009", "Block legacy (report-only)", "reportOnlyFailure")));
        await using var host = await GraphTestHost.StartAsync(tenant, clock: new FastForwardTimeProvider(Now));

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUser(tenant.Users[0].Id), Ct);
        using var http = new HttpClient();
        using var plain = new HttpRequestMessage(HttpMethod.Get, host.Server.Root + "/beta/auditLogs/signIns");
        plain.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeGraphServer.DefaultToken);
        using var response = await http.SendAsync(plain, Ct);
        var withoutPrefer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        snapshot.Users[0].Sections.SignIns.Value!.Single().AppliedConditionalAccessPolicies.Single().Result.Should().Be("reportOnlyFailure");
        ((string)withoutPrefer["value"]![0]!["appliedConditionalAccessPolicies"]![0]!["result"]!).Should().Be("unknownFutureValue", "Graph hides evolvable enum members unless asked");
    }

    [Fact]
    public async Task Cancellation_stops_a_capture_waiting_for_the_sign_in_log()
    {
        var tenant = TenantWithMfaPolicy(5);
        await using var host = await GraphTestHost.StartAsync(tenant);
        host.Server.Hang(r => r.Path == "/auditLogs/signIns");
        using var oneUser = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var tenantWide = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var one = host.Source.CaptureAsync(SnapshotRequest.ForUser(tenant.Users[0].Id), oneUser.Token);
        var all = host.Source.CaptureTenantAsync(Stream.Null, null, tenantWide.Token);
        await host.Server.WaitForRequestAsync(r => r.Path == "/auditLogs/signIns" && r.Param("$filter")!.Contains("userId", StringComparison.Ordinal));
        await host.Server.WaitForRequestAsync(r => r.Path == "/auditLogs/signIns" && !r.Param("$filter")!.Contains("userId", StringComparison.Ordinal));
        await oneUser.CancelAsync();
        await tenantWide.CancelAsync();

        await one.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        await all.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>A generated tenant with one enabled policy requiring MFA of every user for every app and client.</summary>
    internal static FakeTenant TenantWithMfaPolicy(int users)
    {
        var tenant = FakeTenant.Generate(users);
        tenant.ConditionalAccessPolicies!.Add(JsonNode.Parse("""
            {"id":"7c1c2a1e-0000-4000-8000-000000000001","displayName":"Require MFA","state":"enabled",
             "conditions":{"users":{"includeUsers":["All"],"excludeUsers":[],"includeGroups":[],"excludeGroups":[],"includeRoles":[],"excludeRoles":[]},
                           "applications":{"includeApplications":["All"],"excludeApplications":[],"includeUserActions":[]},
                           "clientAppTypes":["all"]},
             "grantControls":{"operator":"OR","builtInControls":["mfa"]}}
            """));
        return tenant;
    }
}
