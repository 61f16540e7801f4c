using System.Globalization;
using System.Text.Json;

using CodeTwo.AuthDiagnostics.Execution.Resilience;
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>
/// Runs a remediation plan through a host's <see cref="IGraphExecutor"/>: steps in dependency order, dry run by
/// default (no write is sent), drift checks before every write (a changed tenant stops the run instead of being
/// overwritten; a value already in place is skipped), approvals for high-risk steps, resumable waits and manual
/// steps, verification by re-capturing and re-diagnosing, a journal that makes an interrupted apply resumable without
/// repeating a completed write, and rollback from that journal. Every Graph call (writes, drift-check reads, rollbacks
/// and the reads before them) goes through one retry layer configured from the run's <see cref="PlanRunOptions"/>:
/// 429, 503 and 504 are tried again up to <see cref="PlanRunOptions.MaxAttempts"/> times, after <c>Retry-After</c>
/// (seconds or an HTTP date, measured on the injected clock) or the exponential back-off from
/// <see cref="PlanRunOptions.InitialRetryDelay"/>, never waiting longer than <see cref="PlanRunOptions.MaxRetryDelay"/>.
/// Thread-safe; one runner can serve many runs.
/// </summary>
/// <example>
/// <code>
/// var runner = new PlanRunner(executor, diagnostics, TimeProvider.System, snapshotSource);
/// PlanRun dryRun = await runner.RunAsync(diagnosis, new PlanRunOptions(), ct);            // lists, writes nothing
/// PlanRun run = await runner.RunAsync(diagnosis, new PlanRunOptions
/// {
///     Mode = RunMode.Apply,
///     Approver = PlanApprovers.Steps("disable-security-defaults"),
///     Journal = PlanJournal.File("run.jsonl"),
/// }, ct);
/// if (run.Status == PlanRunStatus.WaitingUntil) { /* run again at run.WaitingUntil */ }
/// await runner.RollbackAsync(new PlanRunOptions { Mode = RunMode.Apply, Journal = PlanJournal.File("run.jsonl") }, ct);
/// </code>
/// </example>
public sealed partial class PlanRunner
{
    private readonly IGraphExecutor executor;
    private readonly IAuthDiagnostics diagnostics;
    private readonly TimeProvider time;
    private readonly ISnapshotSource? snapshotSource;
    private readonly ILogger logger;

    /// <summary>Creates a runner.</summary>
    /// <param name="executor">Sends the Graph requests.</param>
    /// <param name="diagnostics">Diagnoses the re-captured snapshot in verify steps.</param>
    /// <param name="time">The clock for waits and retries; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="snapshotSource">Re-captures the tenant for verify steps; without it a verify step fails with a clear message.</param>
    /// <param name="logger">The logger; never receives request bodies, headers or tokens.</param>
    public PlanRunner(IGraphExecutor executor, IAuthDiagnostics diagnostics, TimeProvider? time = null, ISnapshotSource? snapshotSource = null, ILogger<PlanRunner>? logger = null)
    {
        this.executor = executor ?? throw new ArgumentNullException(nameof(executor));
        this.diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));
        this.time = time ?? TimeProvider.System;
        this.snapshotSource = snapshotSource;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Runs the plan of <paramref name="diagnosis"/> for its user.</summary>
    /// <param name="diagnosis">The diagnosis whose plan to run.</param>
    /// <param name="options">How to run it (defaults: dry run, nothing approved).</param>
    /// <param name="cancellationToken">Cancels the run (a retry wait too); completed steps stay journaled.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range (see <see cref="PlanRunOptions"/>).</exception>
    public Task<PlanRun> RunAsync(Diagnosis diagnosis, PlanRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return RunPlanAsync(diagnosis.Plan, UserRef.Parse(diagnosis.UserId ?? diagnosis.RequestedUser), options, cancellationToken);
    }

    /// <summary>Runs <paramref name="plan"/> for <paramref name="user"/> (verify steps diagnose that user).</summary>
    private async Task<PlanRun> RunPlanAsync(RemediationPlan plan, UserRef user, PlanRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var run = new RunState(plan, user, options, options.Journal ?? new InMemoryPlanJournal(), PlanFingerprint.Of(plan), RetryPolicy(options));
        var history = await run.Journal.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (history.FirstOrDefault(e => e.PlanFingerprint != run.Fingerprint) is { } foreign)
        {
            return run.Stop(PlanRunStatus.Failed, foreign.StepId, $"The journal belongs to another plan (fingerprint {foreign.PlanFingerprint}, this plan {run.Fingerprint}); use a new journal or roll the other run back first.");
        }

        var latest = Latest(history);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in plan.Steps)
        {
            if (step.DependsOn.FirstOrDefault(d => !seen.Contains(d)) is { } missing)
            {
                return run.Stop(PlanRunStatus.Failed, step.Id, $"Step {step.Id} depends on {missing}, which does not come before it in the plan.");
            }

            seen.Add(step.Id);
        }

        foreach (var step in plan.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            latest.TryGetValue(step.Id, out var last);
            if (last?.Event is JournalEvent.Completed or JournalEvent.AlreadySatisfied)
            {
                run.Add(new StepResult(step.Id, StepStatus.CompletedEarlier, "Completed in an earlier run (journal)."));
                continue;
            }

            PlanRun? stop = step.Kind switch
            {
                PlanStepKind.Graph => await RunGraphStepAsync(run, step, last, cancellationToken).ConfigureAwait(false),
                PlanStepKind.Wait => await RunWaitStepAsync(run, step, last, cancellationToken).ConfigureAwait(false),
                PlanStepKind.Manual => await RunManualStepAsync(run, step, cancellationToken).ConfigureAwait(false),
                PlanStepKind.Verify => await RunVerifyStepAsync(run, step, cancellationToken).ConfigureAwait(false),
                _ => run.Stop(PlanRunStatus.Failed, step.Id, $"Step {step.Id} has an unknown kind."),
            };
            if (stop is not null)
            {
                LogStopped(stop.Status, step.Id);
                return stop;
            }
        }

        return run.Finish();
    }

    /// <summary>
    /// Undoes a run: sends the rollback requests of the journal's completed writes in reverse order (each only if the
    /// value is still the one the run wrote; otherwise the rollback stops as drifted). Writes without a rollback
    /// (revoked sessions) are reported and skipped. The reads and writes retry as a run's do.
    /// </summary>
    /// <param name="options">
    /// <see cref="PlanRunOptions.Journal"/> is the run's journal (required); <see cref="PlanRunOptions.Mode"/> decides
    /// between listing the rollback requests (dry run, the default) and sending them (apply);
    /// <see cref="PlanRunOptions.MaxAttempts"/>, <see cref="PlanRunOptions.InitialRetryDelay"/> and
    /// <see cref="PlanRunOptions.MaxRetryDelay"/> shape the retries. Approvals, waits and manual steps do not apply.
    /// </param>
    /// <param name="cancellationToken">Cancels the rollback (a retry wait too).</param>
    /// <exception cref="ArgumentException"><see cref="PlanRunOptions.Journal"/> is not set.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range (see <see cref="PlanRunOptions"/>).</exception>
    /// <example>
    /// <code>
    /// PlanRun undone = await runner.RollbackAsync(new PlanRunOptions { Mode = RunMode.Apply, Journal = PlanJournal.File("run.jsonl") }, ct);
    /// </code>
    /// </example>
    public async Task<PlanRun> RollbackAsync(PlanRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var journal = options.Journal
            ?? throw new ArgumentException("A rollback needs PlanRunOptions.Journal: the journal of the run to undo.", nameof(options));
        options.Validate();
        var mode = options.Mode;
        var retry = RetryPolicy(options);
        var history = await journal.ReadAsync(cancellationToken).ConfigureAwait(false);
        var latest = Latest(history);
        var completed = history
            .Where(e => e.Event == JournalEvent.Completed && latest[e.StepId].Event == JournalEvent.Completed && (e.Rollback is not null || e.Check is not null))
            .Reverse()
            .ToArray();
        var results = new List<StepResult>();
        int writes = 0;
        foreach (var entry in completed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Rollback is not { } rollback)
            {
                results.Add(new StepResult(entry.StepId, StepStatus.AlreadySatisfied, "Has no rollback (for example revoked sessions cannot be restored); skipped."));
                continue;
            }

            if (mode == RunMode.DryRun)
            {
                results.Add(new StepResult(entry.StepId, StepStatus.WouldRun, $"Would send {rollback.Method} {rollback.Url}", rollback));
                continue;
            }

            if (entry.Check is { Kind: StepCheckKind.Equals } check)
            {
                var read = await SendAsync(retry, new GraphRequest("GET", check.ReadUrl, null), cancellationToken).ConfigureAwait(false);
                if (read.IsSuccess && read.Body is { } body)
                {
                    string current = JsonValues.Select(body, check.Property);
                    if (!JsonValues.SameValue(current, check.DesiredJson) && !JsonValues.SameValue(current, check.CapturedJson))
                    {
                        string message = $"{check.Property} is now {current}, not the value the run wrote ({check.DesiredJson}); someone changed it since, so it was not overwritten.";
                        await journal.AppendAsync(new JournalEntry { At = time.GetUtcNow(), PlanFingerprint = entry.PlanFingerprint, StepId = entry.StepId, Event = JournalEvent.RollbackFailed, Message = message }, cancellationToken).ConfigureAwait(false);
                        results.Add(new StepResult(entry.StepId, StepStatus.Drifted, message));
                        return new PlanRun { Status = PlanRunStatus.Drifted, Mode = mode, Steps = results, PendingStep = entry.StepId, Message = message, WritesSent = writes };
                    }
                }
            }

            var response = await SendAsync(retry, rollback, cancellationToken).ConfigureAwait(false);
            writes++;
            if (!response.IsSuccess)
            {
                var step = new PlanStep { Id = entry.StepId, Kind = PlanStepKind.Graph, Title = entry.StepId, Explanation = string.Empty };
                string message = GraphErrors.Describe(step, rollback, response);
                await journal.AppendAsync(new JournalEntry { At = time.GetUtcNow(), PlanFingerprint = entry.PlanFingerprint, StepId = entry.StepId, Event = JournalEvent.RollbackFailed, Message = message }, cancellationToken).ConfigureAwait(false);
                results.Add(new StepResult(entry.StepId, StepStatus.Failed, message, rollback, response.StatusCode));
                return new PlanRun { Status = PlanRunStatus.Failed, Mode = mode, Steps = results, PendingStep = entry.StepId, Message = message, WritesSent = writes };
            }

            await journal.AppendAsync(new JournalEntry { At = time.GetUtcNow(), PlanFingerprint = entry.PlanFingerprint, StepId = entry.StepId, Event = JournalEvent.RolledBack }, cancellationToken).ConfigureAwait(false);
            results.Add(new StepResult(entry.StepId, StepStatus.Completed, $"Rolled back with {rollback.Method} {rollback.Url}", rollback, response.StatusCode));
            LogRolledBack(entry.StepId);
        }

        return new PlanRun { Status = PlanRunStatus.Completed, Mode = mode, Steps = results, WritesSent = writes };
    }

    private async Task<PlanRun?> RunGraphStepAsync(RunState run, PlanStep step, JournalEntry? last, CancellationToken cancellationToken)
    {
        var request = step.Request ?? throw new InvalidOperationException($"Graph step {step.Id} has no request.");
        bool dryRun = run.Options.Mode == RunMode.DryRun;

        if (step.RequiresApproval && !dryRun && !await run.Options.Approver.ApproveAsync(step, cancellationToken).ConfigureAwait(false))
        {
            await run.JournalAsync(step.Id, JournalEvent.Refused, "Approval refused.", time, cancellationToken).ConfigureAwait(false);
            run.Add(new StepResult(step.Id, StepStatus.Refused, "Approval refused; nothing was sent.", request));
            return run.Stop(PlanRunStatus.Refused, step.Id, $"Approval for '{step.Title}' was refused; the run stopped before it. Nothing after it ran.");
        }

        if (step.Check is { } check)
        {
            var (state, detail) = await CheckAsync(run.Retry, step, check, last, cancellationToken).ConfigureAwait(false);
            switch (state)
            {
                case CheckState.Satisfied:
                    if (!dryRun)
                    {
                        await run.JournalAsync(step.Id, JournalEvent.AlreadySatisfied, detail, time, cancellationToken).ConfigureAwait(false);
                    }

                    run.Add(new StepResult(step.Id, StepStatus.AlreadySatisfied, detail));
                    return null;
                case CheckState.Drifted:
                    if (!dryRun)
                    {
                        await run.JournalAsync(step.Id, JournalEvent.Drifted, detail, time, cancellationToken).ConfigureAwait(false);
                    }

                    run.Add(new StepResult(step.Id, StepStatus.Drifted, detail, request));
                    if (dryRun)
                    {
                        return null;
                    }

                    return run.Stop(PlanRunStatus.Drifted, step.Id, $"The tenant changed since the snapshot: {detail} Nothing was overwritten; capture and diagnose again.");
                case CheckState.Failed:
                    if (!dryRun)
                    {
                        await run.JournalAsync(step.Id, JournalEvent.Failed, detail, time, cancellationToken).ConfigureAwait(false);
                    }

                    run.Add(new StepResult(step.Id, StepStatus.Failed, detail, request));
                    return dryRun ? null : run.Stop(PlanRunStatus.Failed, step.Id, detail);
            }
        }

        if (dryRun)
        {
            run.Add(new StepResult(step.Id, StepStatus.WouldRun, $"Would send {request.Method} {request.Url}{(step.RequiresApproval ? " (after approval)" : string.Empty)}", request));
            return null;
        }

        await run.JournalAsync(step.Id, JournalEvent.Started, null, time, cancellationToken).ConfigureAwait(false);
        GraphResponse response;
        try
        {
            response = await SendAsync(run.Retry, request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            string message = $"{request.Method} {request.Url} could not be sent ({e.Message}); its outcome is unknown. Run again: the drift check settles it.";
            await run.JournalAsync(step.Id, JournalEvent.Failed, message, time, cancellationToken).ConfigureAwait(false);
            run.Add(new StepResult(step.Id, StepStatus.Failed, message, request));
            return run.Stop(PlanRunStatus.Failed, step.Id, message);
        }

        run.Writes++;
        if (!response.IsSuccess)
        {
            string message = GraphErrors.Describe(step, request, response);
            await run.JournalAsync(step.Id, JournalEvent.Failed, message, time, cancellationToken).ConfigureAwait(false);
            run.Add(new StepResult(step.Id, StepStatus.Failed, message, request, response.StatusCode));
            return run.Stop(PlanRunStatus.Failed, step.Id, message);
        }

        await run.Journal.AppendAsync(
            new JournalEntry { At = time.GetUtcNow(), PlanFingerprint = run.Fingerprint, StepId = step.Id, Event = JournalEvent.Completed, Rollback = step.Rollback, Check = step.Check },
            cancellationToken).ConfigureAwait(false);
        run.Add(new StepResult(step.Id, StepStatus.Completed, $"Sent {request.Method} {request.Url}: {response.StatusCode}", request, response.StatusCode));
        LogStepCompleted(step.Id, response.StatusCode);
        return null;
    }

    private async Task<(CheckState State, string Detail)> CheckAsync(GraphRetryPolicy<GraphResponse> retry, PlanStep step, StepCheck check, JournalEntry? last, CancellationToken cancellationToken)
    {
        if (check.Kind == StepCheckKind.InstantAfterWrite && last?.Event != JournalEvent.Started)
        {
            return (CheckState.Proceed, string.Empty); // only meaningful when resuming an interrupted write
        }

        var read = new GraphRequest("GET", check.ReadUrl, null);
        GraphResponse response;
        try
        {
            response = await SendAsync(retry, read, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return (CheckState.Failed, $"Reading {check.ReadUrl} for the drift check failed ({e.Message}).");
        }

        if (!response.IsSuccess || response.Body is null)
        {
            return (CheckState.Failed, "Drift check: " + GraphErrors.Describe(new PlanStep(step) { RequiredPermissions = ["Policy.Read.All", "User.Read.All"] }, read, response));
        }

        string current;
        try
        {
            current = JsonValues.Select(response.Body, check.Property);
        }
        catch (JsonException)
        {
            return (CheckState.Failed, $"Drift check: {check.ReadUrl} did not answer with JSON.");
        }

        if (check.Kind == StepCheckKind.InstantAfterWrite)
        {
            return JsonValues.IsInstantAtOrAfter(current, last!.At)
                ? (CheckState.Satisfied, $"The interrupted write took effect ({check.Property} is {current}); not sent again.")
                : (CheckState.Proceed, string.Empty);
        }

        if (JsonValues.SameValue(current, check.DesiredJson))
        {
            return (CheckState.Satisfied, $"{check.Property} is already {current}; nothing to send.");
        }

        return JsonValues.SameValue(current, check.CapturedJson)
            ? (CheckState.Proceed, string.Empty)
            : (CheckState.Drifted, $"{check.Property} at {check.ReadUrl} is now {current}, but the snapshot captured {check.CapturedJson}.");
    }

    private async Task<PlanRun?> RunWaitStepAsync(RunState run, PlanStep step, JournalEntry? last, CancellationToken cancellationToken)
    {
        var minutes = TimeSpan.FromMinutes(step.WaitMinutes ?? 0);
        if (run.Options.Mode == RunMode.DryRun)
        {
            run.Add(new StepResult(step.Id, StepStatus.WouldRun, string.Create(CultureInfo.InvariantCulture, $"Would wait {minutes.TotalMinutes} minutes.")));
            return null;
        }

        var until = last is { Event: JournalEvent.WaitStarted, Until: { } started } ? started : time.GetUtcNow() + minutes;
        if (last?.Event != JournalEvent.WaitStarted)
        {
            await run.Journal.AppendAsync(new JournalEntry { At = time.GetUtcNow(), PlanFingerprint = run.Fingerprint, StepId = step.Id, Event = JournalEvent.WaitStarted, Until = until }, cancellationToken).ConfigureAwait(false);
        }

        var remaining = until - time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            if (run.Options.Waits == WaitHandling.ReturnToHost)
            {
                run.Add(new StepResult(step.Id, StepStatus.Pending, string.Create(CultureInfo.InvariantCulture, $"Waiting until {until:O}.")));
                return run.Stop(PlanRunStatus.WaitingUntil, step.Id, string.Create(CultureInfo.InvariantCulture, $"Waiting for propagation until {until:u}; run again then (the journal remembers where it stopped)."), until);
            }

            await Task.Delay(remaining, time, cancellationToken).ConfigureAwait(false);
        }

        await run.JournalAsync(step.Id, JournalEvent.Completed, null, time, cancellationToken).ConfigureAwait(false);
        run.Add(new StepResult(step.Id, StepStatus.Completed, "Waited."));
        return null;
    }

    private async Task<PlanRun?> RunManualStepAsync(RunState run, PlanStep step, CancellationToken cancellationToken)
    {
        if (run.Options.Mode == RunMode.DryRun)
        {
            run.Add(new StepResult(step.Id, StepStatus.WouldRun, $"Would ask a person to: {step.Instructions}"));
            return null;
        }

        bool confirmed = run.Options.ConfirmManualStep is { } confirm && await confirm(step, cancellationToken).ConfigureAwait(false);
        if (!confirmed)
        {
            run.Add(new StepResult(step.Id, StepStatus.Pending, $"Waiting for confirmation: {step.Instructions}"));
            return run.Stop(PlanRunStatus.NeedsManualStep, step.Id, $"Manual step '{step.Title}': {step.Instructions} Confirm it, then run again.");
        }

        await run.JournalAsync(step.Id, JournalEvent.Completed, "Confirmed.", time, cancellationToken).ConfigureAwait(false);
        run.Add(new StepResult(step.Id, StepStatus.Completed, "Confirmed."));
        return null;
    }

    private async Task<PlanRun?> RunVerifyStepAsync(RunState run, PlanStep step, CancellationToken cancellationToken)
    {
        if (run.Options.Mode == RunMode.DryRun)
        {
            run.Add(new StepResult(step.Id, StepStatus.WouldRun, $"Would capture again and check that {string.Join(", ", step.Fixes)} are gone."));
            return null;
        }

        if (snapshotSource is null)
        {
            const string message = "The verify step needs an ISnapshotSource to capture the tenant again; none was given to the PlanRunner.";
            run.Add(new StepResult(step.Id, StepStatus.Failed, message));
            return run.Stop(PlanRunStatus.Failed, step.Id, message);
        }

        var snapshot = await snapshotSource.CaptureAsync(SnapshotRequest.ForUser(run.User.Value), cancellationToken).ConfigureAwait(false);
        var diagnosis = diagnostics.Diagnose(snapshot, run.User);
        run.VerifiedVerdict = diagnosis.Verdict;
        var remaining = diagnosis.Findings.Where(f => step.Fixes.Contains(f.Code, StringComparer.Ordinal)).Select(f => f.Code).Distinct().ToArray();
        if (remaining.Length > 0)
        {
            string message = $"Still present after the changes: {string.Join(", ", remaining)} (verdict {JsonNames.Of(diagnosis.Verdict)}).";
            await run.JournalAsync(step.Id, JournalEvent.Failed, message, time, cancellationToken).ConfigureAwait(false);
            run.Add(new StepResult(step.Id, StepStatus.Failed, message));
            return run.Stop(PlanRunStatus.Failed, step.Id, message);
        }

        string done = $"Verified: {(step.Fixes.Count == 0 ? "nothing left to fix" : string.Join(", ", step.Fixes) + " gone")}; verdict {JsonNames.Of(diagnosis.Verdict)}.";
        await run.JournalAsync(step.Id, JournalEvent.Completed, done, time, cancellationToken).ConfigureAwait(false);
        run.Add(new StepResult(step.Id, StepStatus.Completed, done));
        return null;
    }

    /// <summary>The one retry layer, configured from the run's options, on the runner's clock.</summary>
    private GraphRetryPolicy<GraphResponse> RetryPolicy(PlanRunOptions options) =>
        new(new GraphRetrySettings(options.MaxAttempts, options.InitialRetryDelay, options.MaxRetryDelay), time, static r => r.StatusCode, RetryAfter);

    /// <summary>Sends through the retry layer: the last answer, whatever its status; exceptions (transport failures, cancellation) propagate.</summary>
    private async Task<GraphResponse> SendAsync(GraphRetryPolicy<GraphResponse> retry, GraphRequest request, CancellationToken cancellationToken)
    {
        var outcome = await retry.ExecuteAsync(
            request.Url,
            token => new ValueTask<GraphResponse>(executor.SendAsync(request, token)),
            r => LogRetry(request.Method, r.Status, r.Attempt, r.Delay.TotalSeconds),
            cancellationToken).ConfigureAwait(false);
        return outcome.Response;
    }

    /// <summary>The <c>Retry-After</c> header, whatever the case of its name in the executor's dictionary.</summary>
    private static string? RetryAfter(GraphResponse response)
    {
        if (response.Headers.TryGetValue("Retry-After", out string? value))
        {
            return value;
        }

        foreach (var (name, header) in response.Headers)
        {
            if (string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                return header;
            }
        }

        return null;
    }

    private static Dictionary<string, JournalEntry> Latest(IEnumerable<JournalEntry> history)
    {
        var latest = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        foreach (var entry in history)
        {
            latest[entry.StepId] = entry;
        }

        return latest;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Step {StepId} completed with HTTP {Status}")]
    private partial void LogStepCompleted(string stepId, int status);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Plan run stopped: {Status} at step {StepId}")]
    private partial void LogStopped(PlanRunStatus status, string stepId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "{Method} answered {Status} (attempt {Attempt}); retrying in {Seconds} s")]
    private partial void LogRetry(string method, int status, int attempt, double seconds);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Step {StepId} rolled back")]
    private partial void LogRolledBack(string stepId);

    private enum CheckState
    {
        Proceed,
        Satisfied,
        Drifted,
        Failed,
    }

    private sealed class RunState(RemediationPlan plan, UserRef user, PlanRunOptions options, IPlanJournal journal, string fingerprint, GraphRetryPolicy<GraphResponse> retry)
    {
        private readonly List<StepResult> results = [];

        public RemediationPlan Plan { get; } = plan;

        public UserRef User { get; } = user;

        public PlanRunOptions Options { get; } = options;

        public IPlanJournal Journal { get; } = journal;

        public string Fingerprint { get; } = fingerprint;

        public GraphRetryPolicy<GraphResponse> Retry { get; } = retry;

        public int Writes { get; set; }

        public Verdict? VerifiedVerdict { get; set; }

        public void Add(StepResult result) => results.Add(result);

        public Task JournalAsync(string stepId, JournalEvent journalEvent, string? message, TimeProvider clock, CancellationToken cancellationToken) =>
            Options.Mode == RunMode.DryRun
                ? Task.CompletedTask
                : Journal.AppendAsync(new JournalEntry { At = clock.GetUtcNow(), PlanFingerprint = Fingerprint, StepId = stepId, Event = journalEvent, Message = message }, cancellationToken);

        public PlanRun Stop(PlanRunStatus status, string stepId, string message, DateTimeOffset? until = null) => new()
        {
            Status = status,
            Mode = Options.Mode,
            Steps = results.ToArray(),
            PendingStep = stepId,
            Message = message,
            WaitingUntil = until,
            VerifiedVerdict = VerifiedVerdict,
            WritesSent = Writes,
        };

        public PlanRun Finish() => new()
        {
            Status = PlanRunStatus.Completed,
            Mode = Options.Mode,
            Steps = results.ToArray(),
            Message = Options.Mode == RunMode.DryRun ? "Dry run: nothing was written. Run with apply to make these changes." : "Every step is complete.",
            VerifiedVerdict = VerifiedVerdict,
            WritesSent = Writes,
        };
    }
}
