using System.Globalization;
using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>
/// How to run (or roll back) a plan. The defaults are safe: dry run, nothing approved, waits handed back to the host.
/// A class, not a record: it holds delegates and a journal, for which value equality means nothing.
/// </summary>
/// <remarks>
/// Every Graph call of a run goes through one retry layer configured from <see cref="MaxAttempts"/>,
/// <see cref="InitialRetryDelay"/> and <see cref="MaxRetryDelay"/>: the writes, the drift checks that read a value
/// before writing it, the rollback requests and the reads before them. A 429, 503 or 504 is tried again after
/// <c>Retry-After</c> (seconds or an HTTP date, measured on the runner's clock) or, without it, after the back-off
/// (the Conditional Access API never sends one); other answers and exceptions are not retried. The options are
/// checked when a run starts: a value out of range throws <see cref="ArgumentOutOfRangeException"/>.
/// </remarks>
public sealed class PlanRunOptions
{
    /// <summary>The most attempts <see cref="MaxAttempts"/> allows.</summary>
    internal const int MaxAttemptsLimit = 20;

    /// <summary>Dry run (default) or apply. A rollback lists its requests in a dry run and sends them in apply.</summary>
    public RunMode Mode { get; init; } = RunMode.DryRun;

    /// <summary>Decides approval-requiring steps. Default: refuses them.</summary>
    public IPlanApprover Approver { get; init; } = PlanApprovers.None;

    /// <summary>Where outcomes are recorded (and resumed from). Default: in memory. A rollback needs the run's journal.</summary>
    public IPlanJournal? Journal { get; init; }

    /// <summary>What to do at a wait step. Default: hand it back to the host.</summary>
    public WaitHandling Waits { get; init; } = WaitHandling.ReturnToHost;

    /// <summary>
    /// Confirms manual steps (a prompt, a ticket). Returning false (or no confirmer) pauses the run with
    /// <see cref="PlanRunStatus.NeedsManualStep"/>; confirmed steps are journaled, so a later run goes on past them.
    /// </summary>
    public Func<PlanStep, CancellationToken, ValueTask<bool>>? ConfirmManualStep { get; init; }

    /// <summary>
    /// How many times a Graph call answered 429 (throttled), 503 or 504 (unavailable) is tried in all, the first try
    /// included: writes, drift-check reads, rollbacks and the reads before them. Default 5; 1 to 20 (1 turns retries off).
    /// </summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>
    /// The first wait when Graph sends no <c>Retry-After</c>; it doubles with every attempt (1, 2, 4, 8 seconds with the
    /// default) up to <see cref="MaxRetryDelay"/>. Default 1 second; not negative, not above <see cref="MaxRetryDelay"/>.
    /// </summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait between attempts, whatever <c>Retry-After</c> says. Default 2 minutes; not negative.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of its range.</summary>
    internal void Validate()
    {
        if (MaxAttempts is < 1 or > MaxAttemptsLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, string.Create(CultureInfo.InvariantCulture, $"PlanRunOptions.MaxAttempts must be between 1 and {MaxAttemptsLimit}; it is {MaxAttempts}."));
        }

        if (InitialRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialRetryDelay), InitialRetryDelay, string.Create(CultureInfo.InvariantCulture, $"PlanRunOptions.InitialRetryDelay must be zero or more; it is {InitialRetryDelay}."));
        }

        if (MaxRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), MaxRetryDelay, string.Create(CultureInfo.InvariantCulture, $"PlanRunOptions.MaxRetryDelay must be zero or more; it is {MaxRetryDelay}."));
        }

        if (InitialRetryDelay > MaxRetryDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialRetryDelay), InitialRetryDelay, string.Create(CultureInfo.InvariantCulture, $"PlanRunOptions.InitialRetryDelay must not exceed MaxRetryDelay ({MaxRetryDelay}); it is {InitialRetryDelay}."));
        }
    }
}
