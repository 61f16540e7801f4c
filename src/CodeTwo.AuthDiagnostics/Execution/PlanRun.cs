
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>The outcome of <see cref="PlanRunner.RunAsync(Diagnosis, PlanRunOptions, CancellationToken)"/>.</summary>
public sealed class PlanRun
{
    /// <summary>How the run ended.</summary>
    public PlanRunStatus Status { get; internal init; }

    /// <summary>Dry run or apply.</summary>
    public RunMode Mode { get; internal init; }

    /// <summary>Each step reached, in order.</summary>
    public IReadOnlyList<StepResult> Steps { get; internal init; } = [];

    /// <summary>For <see cref="PlanRunStatus.WaitingUntil"/>: when to run again.</summary>
    public DateTimeOffset? WaitingUntil { get; internal init; }

    /// <summary>The step the run stopped at, if it stopped early.</summary>
    public string? PendingStep { get; internal init; }

    /// <summary>Why the run stopped, in plain words.</summary>
    public string? Message { get; internal init; }

    /// <summary>For a completed apply with a verify step: the verdict after the change.</summary>
    public Verdict? VerifiedVerdict { get; internal init; }

    /// <summary>How many write requests (PATCH, POST, PUT, DELETE) were sent.</summary>
    public int WritesSent { get; internal init; }

    internal PlanRun()
    {
    }
}
