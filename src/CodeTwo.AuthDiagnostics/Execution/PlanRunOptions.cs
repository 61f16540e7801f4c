using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>How to run a plan. The defaults are safe: dry run, nothing approved, waits handed back to the host.</summary>
public sealed record PlanRunOptions
{
    /// <summary>Dry run (default) or apply.</summary>
    public RunMode Mode { get; init; } = RunMode.DryRun;

    /// <summary>Decides approval-requiring steps. Default: refuses them.</summary>
    public IPlanApprover Approver { get; init; } = PlanApprovers.None;

    /// <summary>Where outcomes are recorded (and resumed from). Default: in memory.</summary>
    public IPlanJournal? Journal { get; init; }

    /// <summary>What to do at a wait step. Default: hand it back to the host.</summary>
    public WaitHandling Waits { get; init; } = WaitHandling.ReturnToHost;

    /// <summary>
    /// Confirms manual steps (a prompt, a ticket). Returning false (or no confirmer) pauses the run with
    /// <see cref="PlanRunStatus.NeedsManualStep"/>; confirmed steps are journaled, so a later run goes on past them.
    /// </summary>
    public Func<PlanStep, CancellationToken, ValueTask<bool>>? ConfirmManualStep { get; init; }

    /// <summary>How many times a throttled (429) or unavailable (503, 504) request is tried in all. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The longest pause between attempts, whatever <c>Retry-After</c> says. Default 2 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);
}
