using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph.Fakes;
using CodeTwo.AuthDiagnostics.Graph.Internal;
using CodeTwo.AuthDiagnostics.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodeTwo.AuthDiagnostics.Graph;

public sealed class ResilienceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SnapshotRequest Backup = SnapshotRequest.ForUser("backup@contoso.com");

    [Fact]
    public async Task A_429_with_Retry_After_waits_exactly_that_long_then_succeeds()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Server.Fail(r => r.Path == "/policies/identitySecurityDefaultsEnforcementPolicy", 429, times: 2, code: "TooManyRequests", retryAfterSeconds: 7);

        var snapshot = await host.Source.CaptureAsync(Backup, Ct);

        snapshot.Sections.SecurityDefaults.IsCaptured.Should().BeTrue();
        host.Server.Requests(r => r.Path == "/policies/identitySecurityDefaultsEnforcementPolicy").Should().HaveCount(3);
        host.FastForward!.Waits.Count(w => w == TimeSpan.FromSeconds(7)).Should().BeGreaterThanOrEqualTo(2);
        host.FastForward.Waits.Should().OnlyContain(w => w <= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task A_429_without_Retry_After_backs_off_exponentially_as_Conditional_Access_needs()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Server.Fail(r => r.Path == "/identity/conditionalAccess/policies", 429, times: 3, code: "TooManyRequests");

        var snapshot = await host.Source.CaptureAsync(Backup, Ct);

        snapshot.Sections.ConditionalAccessPolicies.Value.Should().HaveCount(2);
        host.FastForward!.Waits.Should().Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], "the Conditional Access API has its own limit, so its back-off pauses nothing else");
    }

    [Fact]
    public async Task The_back_off_is_bounded_by_MaxRetryDelay()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json", o => o.MaxRetryDelay = TimeSpan.FromSeconds(3));
        host.Server.Fail(r => r.Path == "/identity/conditionalAccess/policies", 429, times: 4);
        host.Server.Fail(r => r.Path == "/domains", 429, times: 1, retryAfterSeconds: 3600);

        var snapshot = await host.Source.CaptureAsync(Backup, Ct);

        snapshot.Sections.ConditionalAccessPolicies.IsCaptured.Should().BeTrue();
        snapshot.Sections.Domains.IsCaptured.Should().BeTrue();
        host.FastForward!.Waits.Should().OnlyContain(w => w <= TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task An_unavailable_answer_is_retried(int status)
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Server.Fail(r => r.Path == "/domains", status, times: 1, code: "ServiceUnavailable");

        var snapshot = await host.Source.CaptureAsync(Backup, Ct);

        snapshot.Sections.Domains.Value.Should().HaveCount(2);
        host.Server.Requests(r => r.Path == "/domains").Should().HaveCount(2);
    }

    [Fact]
    public async Task When_retries_run_out_the_section_fails_with_the_last_answer()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json", o => o.MaxAttempts = 3);
        host.Server.Fail(r => r.Path == "/domains", 503, code: "ServiceUnavailable", message: "Try later.");

        var snapshot = await host.Source.CaptureAsync(Backup, Ct);

        snapshot.Sections.Domains.Status.Should().Be(SectionStatus.Failed);
        snapshot.Sections.Domains.Error.Should().BeEquivalentTo(new { HttpStatus = 503, Code = "ServiceUnavailable", Message = "Try later." });
        host.Server.Requests(r => r.Path == "/domains").Should().HaveCount(3);
        host.Logs.Entries.Should().Contain(e => e.Contains("giving up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partial_batch_failure_fails_one_section_and_retries_only_the_throttled_request()
    {
        await using var host = await GraphTestHost.StartAsync("multi-user-tenant.json");
        host.Server.Fail(r => r.InBatch && r.Path == "/users/alice@contoso.com/authentication/methods", 403, code: "Authorization_RequestDenied");
        host.Server.Fail(r => r.InBatch && r.Path == "/users/backup@contoso.com/authentication/requirements", 429, times: 1, code: "TooManyRequests", retryAfterSeconds: 3);

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForUsers("backup@contoso.com", "alice@contoso.com"), Ct);

        var alice = snapshot.FindUser("alice@contoso.com")!;
        alice.Sections.AuthenticationMethods.Status.Should().Be(SectionStatus.Failed);
        alice.Sections.AuthenticationMethods.Error!.RequiredPermissions.Should().Equal("UserAuthenticationMethod.Read.All");
        alice.Sections.AuthenticationRequirements.IsCaptured.Should().BeTrue();
        snapshot.FindUser("backup@contoso.com")!.Sections.AuthenticationRequirements.IsCaptured.Should().BeTrue();

        var betaBatches = host.Server.Log.Where(e => e.BatchSize is not null && e.Request.Version == "beta").ToArray();
        betaBatches.Select(b => b.BatchSize).Should().Equal(2, 1);
        host.Server.Requests(r => r.Path == "/users/alice@contoso.com/authentication/methods").Should().ContainSingle("a 403 is not retried");
        host.FastForward!.Waits.Should().Contain(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_throttled_batch_is_sent_again_whole()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Server.Fail(r => r.Path == "/$batch" && r.Version == "v1.0", 429, times: 1, retryAfterSeconds: 2);

        var snapshot = await host.Source.CaptureAsync(Backup, Ct);

        snapshot.Users.Should().ContainSingle().Which.Sections.AuthenticationMethods.IsCaptured.Should().BeTrue();
        host.Server.Requests(r => r.Path == "/$batch" && r.Version == "v1.0").Should().HaveCount(3, "the user batch twice, then the What-If batch");
        host.Server.Requests(r => r.InBatch && r.Path == "/users/backup@contoso.com/authentication/methods").Should().ContainSingle("the throttled batch's requests never reached Graph");
    }

    [Fact]
    public async Task A_request_that_times_out_is_sent_again()
    {
        var clock = new HeldTimeoutTimeProvider(TimeSpan.FromMinutes(10));
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json", o => o.RequestTimeout = TimeSpan.FromMinutes(10), clock);
        host.Server.Hang(r => r.Path == "/domains", times: 1);

        var capture = host.Source.CaptureAsync(Backup, Ct);
        await host.Server.WaitForRequestAsync(r => r.Path == "/domains");
        clock.FireHeld().Should().BeGreaterThan(0);
        var snapshot = await capture;

        snapshot.Sections.Domains.Value.Should().HaveCount(2);
        host.Server.Requests(r => r.Path == "/domains").Should().HaveCount(2);
    }

    [Fact]
    public async Task A_request_that_keeps_timing_out_fails_its_section_with_a_timeout()
    {
        var clock = new HeldTimeoutTimeProvider(TimeSpan.FromMinutes(10));
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json", o => { o.RequestTimeout = TimeSpan.FromMinutes(10); o.MaxAttempts = 1; }, clock);
        host.Server.Hang(r => r.Path == "/domains");

        // Tenant sections only: with one attempt, any other request still in flight when the timeouts fire fails too.
        var capture = host.Source.CaptureAsync(new SnapshotRequest(), Ct);
        await host.Server.WaitForRequestAsync(r => r.Path == "/domains");
        clock.FireHeld();
        var snapshot = await capture;

        snapshot.Sections.Domains.Status.Should().Be(SectionStatus.Failed);
        snapshot.Sections.Domains.Error!.HttpStatus.Should().Be(504);
        snapshot.Sections.Domains.Error.Code.Should().Be("Timeout");
        snapshot.Sections.Domains.Error.Message.Should().Contain("RequestTimeout");
    }

    [Fact]
    public async Task Cancellation_stops_a_capture_in_flight()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        host.Server.Hang(r => r.Path == "/$batch" && r.Version == "beta");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var capture = host.Source.CaptureAsync(Backup, cancellation.Token);
        await host.Server.WaitForRequestAsync(r => r.Path == "/$batch" && r.Version == "beta");
        await cancellation.CancelAsync();

        await capture.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_cancelled_token_sends_nothing()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");

        var act = () => host.Source.CaptureAsync(Backup, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        host.Server.Log.Should().BeEmpty();
    }

    [Fact]
    public async Task A_throttled_answer_pauses_every_request_of_the_adapter()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        var transport = new GraphTransport(host.Client.RequestAdapter, host.Options, host.Clock, NullLogger.Instance);
        var start = host.Clock.GetUtcNow();

        transport.Pause(TimeSpan.FromSeconds(30));
        var response = await transport.SendAsync("GET", transport.Endpoints.Url("v1.0", "/domains"), null, null, new CaptureCounters(), Ct);

        response.Status.Should().Be(200);
        host.FastForward!.Waits.Should().Equal(TimeSpan.FromSeconds(30));
        host.Server.Log.Single().At.Should().BeOnOrAfter(start + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_back_off_starts_at_InitialRetryDelay_and_doubles()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json", o => { o.InitialRetryDelay = TimeSpan.FromMilliseconds(250); o.MaxRetryDelay = TimeSpan.FromSeconds(1); });
        host.Server.Fail(r => r.Path == "/identity/conditionalAccess/policies", 429, times: 4, code: "TooManyRequests");

        var snapshot = await host.Source.CaptureAsync(Backup, Ct);

        snapshot.Sections.ConditionalAccessPolicies.IsCaptured.Should().BeTrue();
        host.FastForward!.Waits.Select(w => w.TotalMilliseconds).Should().Equal(250, 500, 1000, 1000);
    }

    [Fact]
    public async Task Retries_are_counted_and_logged_with_their_attempt_and_wait()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json");
        var transport = new GraphTransport(host.Client.RequestAdapter, host.Options, host.Clock, host.LoggerFactory.CreateLogger("retry-test"));
        host.Server.Fail(r => r.Path == "/domains", 503, times: 2, code: "ServiceUnavailable");
        var counters = new CaptureCounters();

        var response = await transport.SendAsync("GET", transport.Endpoints.Url("v1.0", "/domains"), null, null, counters, Ct);

        response.Status.Should().Be(200);
        counters.Requests.Should().Be(3);
        counters.Retries.Should().Be(2);
        var retries = host.Logs.Entries.Where(e => e.Contains("[101]", StringComparison.Ordinal)).ToArray();
        retries.Should().HaveCount(2);
        retries[0].Should().Contain("GET /v1.0/domains answered 503 (attempt 1); retrying in 1 s");
        retries[1].Should().Contain("GET /v1.0/domains answered 503 (attempt 2); retrying in 2 s");
        host.Logs.Entries.Should().NotContain(e => e.Contains("[102]", StringComparison.Ordinal), "it did not give up");
    }

    [Fact]
    public async Task Batched_requests_are_sent_again_in_rounds_after_the_shared_back_off_until_MaxAttempts()
    {
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json", o => { o.MaxAttempts = 3; o.InitialRetryDelay = TimeSpan.FromMilliseconds(300); });
        host.Server.Fail(r => r.InBatch && r.Path == "/users/backup@contoso.com/authentication/methods", 503, code: "ServiceUnavailable");
        var reports = new List<CaptureProgress>();

        var snapshot = await host.Source.CaptureAsync(Backup, new SynchronousProgress<CaptureProgress>(reports.Add), Ct);

        var methods = snapshot.Users.Should().ContainSingle().Which.Sections.AuthenticationMethods;
        methods.Status.Should().Be(SectionStatus.Failed);
        methods.Error!.HttpStatus.Should().Be(503);
        host.Server.Requests(r => r.InBatch && r.Path == "/users/backup@contoso.com/authentication/methods").Should().HaveCount(3);
        host.FastForward!.Waits.Select(w => w.TotalMilliseconds).Should().Equal(300, 600);
        reports[^1].Retries.Should().Be(2);
        host.Logs.Entries.Count(e => e.Contains("[110]", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public async Task Cancellation_during_a_retry_wait_stops_the_capture_at_once()
    {
        var clock = new HeldTimeoutTimeProvider(TimeSpan.FromSeconds(5));
        await using var host = await GraphTestHost.StartAsync("healthy-enforced.json", clock: clock);
        host.Server.Fail(r => r.Path == "/domains", 429, code: "TooManyRequests", retryAfterSeconds: 30);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var capture = host.Source.CaptureAsync(new SnapshotRequest(), cancellation.Token);
        (await clock.FirstHeld.WaitAsync(Ct)).Should().Be(TimeSpan.FromSeconds(30));
        capture.IsCompleted.Should().BeFalse("the 30 s wait never ends on its own");
        await cancellation.CancelAsync();

        await capture.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        host.Server.Requests(r => r.Path == "/domains").Should().ContainSingle("a cancelled wait is not followed by another attempt");
    }

    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_an_http_date()
    {
        var clock = new CodeTwo.AuthDiagnostics.Testing.FastForwardTimeProvider(new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero)); // far from the wall clock
        var adapter = new Microsoft.Graph.GraphServiceClient(new HttpClient(), new FixedTokenAuthenticationProvider("t"), "https://graph.microsoft.com/v1.0").RequestAdapter;
        var transport = new GraphTransport(adapter, new MicrosoftGraphOptions(), clock, NullLogger.Instance);
        static RawResponse With(string value) => RawResponse.Of(429, ReadOnlyMemory<byte>.Empty, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Retry-After"] = value });

        transport.Retry.DelayFor(With("12"), 1).Should().Be(TimeSpan.FromSeconds(12));
        transport.Retry.DelayFor(With("1.5"), 1).Should().Be(TimeSpan.FromSeconds(1.5));
        transport.Retry.DelayFor(With((clock.GetUtcNow() + TimeSpan.FromSeconds(20)).ToString("R")), 1).Should().Be(TimeSpan.FromSeconds(20));
        transport.Retry.DelayFor(With("9999"), 1).Should().Be(TimeSpan.FromSeconds(60), "MaxRetryDelay bounds every wait");
        transport.Retry.DelayFor(RawResponse.Of(503, ReadOnlyMemory<byte>.Empty), 4).Should().Be(TimeSpan.FromSeconds(8));
        transport.Retry.DelayFor(RawResponse.Of(503, ReadOnlyMemory<byte>.Empty), 12).Should().Be(TimeSpan.FromSeconds(60));
    }
}
