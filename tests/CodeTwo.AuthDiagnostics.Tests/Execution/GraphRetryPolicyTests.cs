using System.Globalization;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Execution.Resilience;
using CodeTwo.AuthDiagnostics.Testing;

namespace CodeTwo.AuthDiagnostics.Tests.Execution;

/// <summary>The shared retry layer itself: the delay function, and the Polly pipeline on an injected clock.</summary>
public sealed class GraphRetryPolicyTests
{
    /// <summary>Far from the wall clock on purpose: an HTTP date measured from the wall clock would be years off.</summary>
    private static readonly DateTimeOffset Now = new(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static readonly GraphRetrySettings Defaults = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("12", 12_000)]
    [InlineData("0", 0)]
    [InlineData("1.5", 1_500)]
    [InlineData("0.25", 250)]
    [InlineData(" 7 ", 7_000)]
    public void Retry_After_in_seconds_is_read_as_an_integer_or_a_decimal(string value, int milliseconds) =>
        GraphRetryDelay.Compute(value, 3, Defaults, Now).Should().Be(TimeSpan.FromMilliseconds(milliseconds));

    [Theory]
    [InlineData("Tue, 04 Mar 2031 05:06:27 GMT")]
    [InlineData("Tuesday, 04-Mar-31 05:06:27 GMT")]
    [InlineData("Tue Mar  4 05:06:27 2031")]
    public void An_HTTP_date_in_the_future_is_measured_from_the_injected_clock(string value) =>
        GraphRetryDelay.Compute(value, 1, Defaults, Now).Should().Be(TimeSpan.FromSeconds(20));

    [Fact]
    public void An_HTTP_date_already_past_means_at_once()
    {
        GraphRetryDelay.Compute(Now.AddSeconds(-30).ToString("R", CultureInfo.InvariantCulture), 4, Defaults, Now).Should().Be(TimeSpan.Zero);
        GraphRetryDelay.ParseRetryAfter(Now.AddSeconds(-30).ToString("R", CultureInfo.InvariantCulture), Now).Should().Be(TimeSpan.FromSeconds(-30));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("Tue, 32 Mar 2031 05:06:27 GMT")]
    [InlineData("2031-03-04T05:06:27Z")]
    public void An_unreadable_Retry_After_falls_back_to_the_back_off(string? value)
    {
        GraphRetryDelay.ParseRetryAfter(value, Now).Should().BeNull();
        GraphRetryDelay.Compute(value, 3, Defaults, Now).Should().Be(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void Every_wait_is_capped_at_the_maximum_delay()
    {
        var settings = Defaults with { MaxDelay = TimeSpan.FromSeconds(5) };

        GraphRetryDelay.Compute("9999", 1, settings, Now).Should().Be(TimeSpan.FromSeconds(5));
        GraphRetryDelay.Compute("99999999999999999999999999999", 1, settings, Now).Should().Be(TimeSpan.FromSeconds(5));
        GraphRetryDelay.Compute(Now.AddDays(3).ToString("R", CultureInfo.InvariantCulture), 1, settings, Now).Should().Be(TimeSpan.FromSeconds(5));
        GraphRetryDelay.Compute(null, 30, settings, Now).Should().Be(TimeSpan.FromSeconds(5));
        GraphRetryDelay.Compute("4", 1, settings, Now).Should().Be(TimeSpan.FromSeconds(4), "a wait under the cap is kept");
    }

    [Fact]
    public void The_back_off_doubles_from_the_initial_delay_up_to_the_maximum()
    {
        Enumerable.Range(1, 9).Select(a => GraphRetryDelay.Backoff(a, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)).TotalSeconds)
            .Should().Equal(1, 2, 4, 8, 16, 32, 64, 120, 120);
        Enumerable.Range(1, 4).Select(a => GraphRetryDelay.Backoff(a, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)).TotalMilliseconds)
            .Should().Equal(250, 500, 1000, 1000);
        GraphRetryDelay.Backoff(3, TimeSpan.Zero, TimeSpan.FromSeconds(1)).Should().Be(TimeSpan.Zero);
        GraphRetryDelay.Backoff(int.MaxValue, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)).Should().Be(TimeSpan.FromMinutes(2), "no overflow however many attempts");
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(500, false)]
    [InlineData(502, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(200, false)]
    public void Throttled_and_unavailable_answers_are_transient(int status, bool transient) =>
        GraphRetryDelay.IsTransient(status).Should().Be(transient);

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies/0f0e", true)]
    [InlineData("https://graph.microsoft.us/v1.0/identity/conditionalaccess/policies?$top=5", true)]
    [InlineData("/v1.0/identity/conditionalAccess/policies", true)]
    [InlineData("https://graph.microsoft.com/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", false)]
    [InlineData("https://graph.microsoft.com/v1.0/users?$filter=identity/conditionalAccess/x", false)]
    public void Only_the_Conditional_Access_API_has_its_own_throttling_bucket(string url, bool own) =>
        GraphRetryDelay.HasOwnThrottleBucket(url).Should().Be(own);

    [Fact]
    public async Task Transient_answers_are_retried_with_the_back_off_until_MaxAttempts_and_the_last_one_is_returned()
    {
        var clock = new FastForwardTimeProvider(Now);
        var answers = new Answers(Enumerable.Repeat(Answer(503), 10));
        var events = new List<GraphRetryEvent<GraphResponse>>();

        var outcome = await Policy(clock, Defaults with { MaxAttempts = 4 }).ExecuteAsync(DomainsUrl, answers.SendAsync, events.Add, Ct);

        outcome.Response.StatusCode.Should().Be(503);
        outcome.Attempts.Should().Be(4);
        answers.Sent.Should().Be(4);
        clock.Waits.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        events.Select(e => (e.Attempt, e.Status, e.Delay.TotalSeconds, e.PausesTenant)).Should().Equal((1, 503, 1.0, false), (2, 503, 2.0, false), (3, 503, 4.0, false));
    }

    [Fact]
    public async Task A_429_with_Retry_After_waits_that_long_and_pauses_the_tenant()
    {
        var clock = new FastForwardTimeProvider(Now);
        var answers = new Answers([Answer(429, "7"), Answer(429, Now.AddSeconds(9).ToString("R", CultureInfo.InvariantCulture)), Answer(200)]);
        var events = new List<GraphRetryEvent<GraphResponse>>();

        var outcome = await Policy(clock, Defaults).ExecuteAsync(DomainsUrl, answers.SendAsync, events.Add, Ct);

        outcome.Response.StatusCode.Should().Be(200);
        outcome.Attempts.Should().Be(3);
        clock.Waits.Should().Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(2)], "the date is measured from the clock after the first wait");
        events.Should().OnlyContain(e => e.PausesTenant);
    }

    [Fact]
    public async Task Conditional_Access_throttling_backs_off_without_Retry_After_and_pauses_nothing_else()
    {
        var clock = new FastForwardTimeProvider(Now);
        var answers = new Answers([Answer(429), Answer(429), Answer(429), Answer(200)]);
        var events = new List<GraphRetryEvent<GraphResponse>>();

        var outcome = await Policy(clock, Defaults).ExecuteAsync("https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies", answers.SendAsync, events.Add, Ct);

        outcome.Response.StatusCode.Should().Be(200);
        clock.Waits.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        events.Should().OnlyContain(e => !e.PausesTenant);
    }

    [Fact]
    public async Task The_initial_and_maximum_delays_shape_the_back_off()
    {
        var clock = new FastForwardTimeProvider(Now);
        var answers = new Answers(Enumerable.Repeat(Answer(504), 10));

        await Policy(clock, new GraphRetrySettings(6, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1))).ExecuteAsync(DomainsUrl, answers.SendAsync, null, Ct);

        clock.Waits.Select(w => w.TotalMilliseconds).Should().Equal(300, 600, 1000, 1000, 1000);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(500)]
    public async Task Other_answers_are_returned_at_once(int status)
    {
        var clock = new FastForwardTimeProvider(Now);
        var answers = new Answers([Answer(status), Answer(200)]);

        var outcome = await Policy(clock, Defaults).ExecuteAsync(DomainsUrl, answers.SendAsync, null, Ct);

        outcome.Should().Be(new GraphRetryOutcome<GraphResponse>(outcome.Response, 1));
        outcome.Response.StatusCode.Should().Be(status);
        clock.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task One_attempt_means_no_retry()
    {
        var clock = new FastForwardTimeProvider(Now);
        var answers = new Answers([Answer(429, "3"), Answer(200)]);

        var outcome = await Policy(clock, Defaults with { MaxAttempts = 1 }).ExecuteAsync(DomainsUrl, answers.SendAsync, null, Ct);

        outcome.Response.StatusCode.Should().Be(429);
        outcome.Attempts.Should().Be(1);
        clock.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task An_exception_is_thrown_as_is_and_never_retried()
    {
        var clock = new FastForwardTimeProvider(Now);
        int sent = 0;

        var act = () => Policy(clock, Defaults).ExecuteAsync(DomainsUrl, _ => { sent++; throw new HttpRequestException("connection reset"); }, null, Ct);

        await act.Should().ThrowAsync<HttpRequestException>().WithMessage("connection reset");
        sent.Should().Be(1);
    }

    [Fact]
    public async Task Cancellation_during_a_retry_wait_stops_at_once_with_OperationCanceledException()
    {
        var clock = new HeldClock(Now);
        var answers = new Answers(Enumerable.Repeat(Answer(429, "60"), 10));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = Policy(clock, Defaults).ExecuteAsync(DomainsUrl, answers.SendAsync, null, cancellation.Token);
        (await clock.FirstWait.WaitAsync(Ct)).Should().Be(TimeSpan.FromSeconds(60));
        call.IsCompleted.Should().BeFalse("the clock never fires: only cancellation can end the wait");
        await cancellation.CancelAsync();

        await call.Invoking(c => c).Should().ThrowAsync<OperationCanceledException>();
        answers.Sent.Should().Be(1);
    }

    private const string DomainsUrl = "https://graph.microsoft.com/v1.0/domains";

    private static GraphRetryPolicy<GraphResponse> Policy(TimeProvider clock, GraphRetrySettings settings) =>
        new(settings, clock, r => r.StatusCode, r => r.Headers.TryGetValue("Retry-After", out string? value) ? value : null);

    private static GraphResponse Answer(int status, string? retryAfter = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (retryAfter is not null)
        {
            headers["Retry-After"] = retryAfter;
        }

        return new GraphResponse(status, headers, null);
    }

    private sealed class Answers(IEnumerable<GraphResponse> answers)
    {
        private readonly Queue<GraphResponse> queue = new(answers);

        public int Sent { get; private set; }

        public ValueTask<GraphResponse> SendAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Sent++;
            return ValueTask.FromResult(queue.Dequeue());
        }
    }
}
