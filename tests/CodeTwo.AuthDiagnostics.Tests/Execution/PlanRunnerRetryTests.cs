using System.Globalization;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Tests.Execution;

/// <summary>
/// Every Graph call of the plan runner (writes, drift-check reads, rollbacks and the reads before them) retries as the
/// run's <see cref="PlanRunOptions"/> say, on the runner's clock.
/// </summary>
public sealed class PlanRunnerRetryTests
{
    /// <summary>Far from the wall clock on purpose: an HTTP date measured from the wall clock would be years off.</summary>
    private static readonly DateTimeOffset FarFromTheWallClock = new(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_follow_MaxAttempts_InitialRetryDelay_and_MaxRetryDelay()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        h.Tenant.FailWhen(r => r.Method == "PATCH", 503);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(maxAttempts: 6, initialRetryDelay: TimeSpan.FromMilliseconds(250), maxRetryDelay: TimeSpan.FromSeconds(1)), Ct);

        run.Status.Should().Be(PlanRunStatus.Failed);
        run.Message.Should().Contain("503").And.Contain("after every retry");
        h.Tenant.Writes.Should().HaveCount(6);
        h.Time.Waits.Select(w => w.TotalMilliseconds).Should().Equal(250, 500, 1000, 1000, 1000);
    }

    [Fact]
    public async Task One_attempt_turns_retries_off()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        h.Tenant.FailWhen(r => r.Method == "PATCH", 429, times: 1, retryAfterSeconds: 3);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(maxAttempts: 1), Ct);

        run.Status.Should().Be(PlanRunStatus.Failed);
        h.Tenant.Writes.Should().ContainSingle();
        h.Time.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task Drift_check_reads_retry_as_the_run_options_say_and_fail_the_step_when_they_run_out()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        var step = h.Diagnosis.Plan.Steps.First(s => s.Check is not null);
        string readUrl = step.Check!.ReadUrl;
        h.Tenant.FailWhen(r => r.Method == "GET" && r.Url == readUrl, 503);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(maxAttempts: 3, initialRetryDelay: TimeSpan.FromSeconds(2), maxRetryDelay: TimeSpan.FromSeconds(3)), Ct);

        run.Status.Should().Be(PlanRunStatus.Failed);
        run.PendingStep.Should().Be(step.Id);
        run.Message.Should().StartWith("Drift check");
        h.Tenant.Requests.Count(r => r.Request.Method == "GET" && r.Request.Url == readUrl).Should().Be(3);
        h.Time.Waits.Should().Equal(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        h.Tenant.Writes.Should().BeEmpty("a write is never sent without its drift check");
    }

    [Fact]
    public async Task A_throttled_drift_check_read_waits_for_Retry_After_then_the_write_goes_ahead()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        string readUrl = h.Diagnosis.Plan.Steps.First(s => s.Check is not null).Check!.ReadUrl;
        h.Tenant.FailWhen(r => r.Method == "GET" && r.Url == readUrl, 429, times: 2, retryAfterSeconds: 11);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(), Ct);

        run.Status.Should().Be(PlanRunStatus.Completed, run.Message);
        h.Time.Waits.Take(2).Should().Equal(TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(11));
    }

    [Fact]
    public async Task Rollback_writes_and_the_reads_before_them_follow_the_rollback_options()
    {
        var h = ExecutionHarness.For("seed-security-defaults.json");
        var journal = PlanJournal.InMemory();
        (await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(journal), Ct)).Status.Should().Be(PlanRunStatus.Completed);
        int waitsBefore = h.Time.Waits.Count;
        int requestsBefore = h.Tenant.Requests.Count;
        h.Tenant.FailWhen(r => r.Method == "PATCH", 503, times: 2);
        h.Tenant.FailWhen(r => r.Method == "GET", 429, times: 1);

        var rollback = await h.Runner.RollbackAsync(ExecutionHarness.Rollback(journal, maxAttempts: 3, initialRetryDelay: TimeSpan.FromSeconds(3), maxRetryDelay: TimeSpan.FromSeconds(5)), Ct);

        rollback.Status.Should().Be(PlanRunStatus.Completed, rollback.Message);
        h.Time.Waits.Skip(waitsBefore).Should().Equal(
            [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)],
            "the throttled read backs off once, then the unavailable write twice (6 s capped at 5 s)");
        var sent = h.Tenant.Requests.Skip(requestsBefore).Select(r => $"{r.Request.Method} {r.StatusCode}").ToArray();
        sent.Take(5).Should().Equal("GET 429", "GET 200", "PATCH 503", "PATCH 503", "PATCH 204");
    }

    [Fact]
    public async Task A_rollback_gives_up_after_MaxAttempts()
    {
        var h = ExecutionHarness.For("seed-security-defaults.json");
        var journal = PlanJournal.InMemory();
        await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(journal), Ct);
        int waitsBefore = h.Time.Waits.Count;
        int writesBefore = h.Tenant.Writes.Count;
        h.Tenant.FailWhen(r => r.Method == "PATCH", 503);

        var rollback = await h.Runner.RollbackAsync(ExecutionHarness.Rollback(journal, maxAttempts: 2), Ct);

        rollback.Status.Should().Be(PlanRunStatus.Failed);
        rollback.Message.Should().Contain("503").And.Contain("after every retry");
        h.Tenant.Writes.Count.Should().Be(writesBefore + 2);
        h.Time.Waits.Skip(waitsBefore).Should().Equal(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Conditional_Access_writes_back_off_without_Retry_After()
    {
        var h = ExecutionHarness.For("ca-mfa-required.json");
        h.Diagnosis.Plan.Steps.Should().Contain(s => s.Request != null && s.Request.Method == "PATCH" && s.Request.Url.Contains("/identity/conditionalAccess/", StringComparison.Ordinal));
        // The Conditional Access API allows one request per second per tenant and sends no Retry-After.
        h.Tenant.FailWhen(r => r.Method == "PATCH" && r.Url.Contains("/identity/conditionalAccess/", StringComparison.Ordinal), 429, times: 3);

        var run = await h.Runner.RunAsync(h.Diagnosis, h.ApplyAll(initialRetryDelay: TimeSpan.FromSeconds(2), maxRetryDelay: TimeSpan.FromSeconds(10)), Ct);

        run.Status.Should().Be(PlanRunStatus.Completed, run.Message);
        h.Time.Waits.Take(3).Should().Equal(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
    }

    [Theory]
    [InlineData(20, 120, 20)]
    [InlineData(20, 5, 5)]
    public async Task An_HTTP_date_Retry_After_is_measured_from_the_runner_clock_not_the_wall_clock(int afterSeconds, int maxRetrySeconds, int expectedSeconds)
    {
        var h = ExecutionHarness.For("per-user-enabled.json", clockStart: FarFromTheWallClock);
        var throttle = new DatedThrottle(h.Tenant, h.Time, r => r.Method == "PATCH", times: 2, TimeSpan.FromSeconds(afterSeconds));
        var runner = new PlanRunner(throttle, h.Service, h.Time, h.Tenant);

        var run = await runner.RunAsync(h.Diagnosis, h.ApplyAll(maxRetryDelay: TimeSpan.FromSeconds(maxRetrySeconds)), Ct);

        run.Status.Should().Be(PlanRunStatus.Completed, run.Message);
        throttle.Throttled.Should().Be(2);
        h.Time.Waits.Take(2).Should().Equal(TimeSpan.FromSeconds(expectedSeconds), TimeSpan.FromSeconds(expectedSeconds));
    }

    [Fact]
    public async Task An_HTTP_date_already_past_means_retry_at_once()
    {
        var h = ExecutionHarness.For("per-user-enabled.json", clockStart: FarFromTheWallClock);
        var throttle = new DatedThrottle(h.Tenant, h.Time, r => r.Method == "PATCH", times: 2, TimeSpan.FromSeconds(-60));
        var runner = new PlanRunner(throttle, h.Service, h.Time, h.Tenant);

        var run = await runner.RunAsync(h.Diagnosis, h.ApplyAll(), Ct);

        run.Status.Should().Be(PlanRunStatus.Completed, run.Message);
        throttle.Throttled.Should().Be(2);
        h.Time.Waits.Should().Equal([TimeSpan.FromMinutes(15)], "only the plan's propagation wait takes time");
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_stops_the_run_at_once()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        var clock = new HeldClock(FarFromTheWallClock);
        var runner = new PlanRunner(h.Tenant, h.Service, clock, h.Tenant);
        h.Tenant.FailWhen(r => r.Method == "PATCH", 429, retryAfterSeconds: 30);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var run = runner.RunAsync(h.Diagnosis, h.ApplyAll(), cancellation.Token);
        (await clock.FirstWait.WaitAsync(Ct)).Should().Be(TimeSpan.FromSeconds(30));
        run.IsCompleted.Should().BeFalse("the clock never fires: only cancellation ends the wait");
        await cancellation.CancelAsync();

        await run.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();
        h.Tenant.Writes.Should().ContainSingle();
    }

    [Theory]
    [InlineData("MaxAttempts", 0, 1_000, 120_000)]
    [InlineData("MaxAttempts", 21, 1_000, 120_000)]
    [InlineData("InitialRetryDelay", 5, -1, 120_000)]
    [InlineData("MaxRetryDelay", 5, 0, -1)]
    [InlineData("InitialRetryDelay", 5, 3_000, 2_000)]
    public async Task Options_out_of_range_are_refused_before_anything_is_sent(string property, int maxAttempts, int initialMs, int maxMs)
    {
        var h = ExecutionHarness.For("per-user-enabled.json");
        var options = h.ApplyAll(PlanJournal.InMemory(), maxAttempts, TimeSpan.FromMilliseconds(initialMs), TimeSpan.FromMilliseconds(maxMs));

        var run = () => h.Runner.RunAsync(h.Diagnosis, options, Ct);
        var rollback = () => h.Runner.RollbackAsync(options, Ct);

        (await run.Should().ThrowAsync<ArgumentOutOfRangeException>()).WithParameterName(property).WithMessage($"PlanRunOptions.{property} must *");
        (await rollback.Should().ThrowAsync<ArgumentOutOfRangeException>()).WithParameterName(property);
        h.Tenant.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_rollback_needs_the_journal()
    {
        var h = ExecutionHarness.For("per-user-enabled.json");

        var rollback = () => h.Runner.RollbackAsync(new PlanRunOptions { Mode = RunMode.Apply }, Ct);

        (await rollback.Should().ThrowAsync<ArgumentException>()).WithParameterName("options").WithMessage("*PlanRunOptions.Journal*");
    }

    /// <summary>Answers the first <paramref name="times"/> matching requests with 429 and an HTTP-date <c>Retry-After</c> <paramref name="after"/> from the clock's now.</summary>
    private sealed class DatedThrottle(IGraphExecutor inner, TimeProvider clock, Func<GraphRequest, bool> matches, int times, TimeSpan after) : IGraphExecutor
    {
        public int Throttled { get; private set; }

        public Task<GraphResponse> SendAsync(GraphRequest request, CancellationToken cancellationToken)
        {
            if (Throttled < times && matches(request))
            {
                Throttled++;
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["Retry-After"] = (clock.GetUtcNow() + after).ToString("R", CultureInfo.InvariantCulture),
                };
                return Task.FromResult(new GraphResponse(429, headers, null));
            }

            return inner.SendAsync(request, cancellationToken);
        }
    }
}
