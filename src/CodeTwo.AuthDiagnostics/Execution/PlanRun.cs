using CodeTwo.AuthDiagnostics.Diagnostics;
using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>The outcome of <see cref="PlanRunner.RunAsync(Diagnosis, PlanRunOptions, CancellationToken)"/>.</summary>
public sealed record PlanRun
{
    /// <summary>How the run ended.</summary>
    public required PlanRunStatus Status { get; init; }

    /// <summary>Dry run or apply.</summary>
    public required RunMode Mode { get; init; }

    /// <summary>Each step reached, in order.</summary>
    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    /// <summary>For <see cref="PlanRunStatus.WaitingUntil"/>: when to run again.</summary>
    public DateTimeOffset? WaitingUntil { get; init; }

    /// <summary>The step the run stopped at, if it stopped early.</summary>
    public string? PendingStep { get; init; }

    /// <summary>Why the run stopped, in plain words.</summary>
    public string? Message { get; init; }

    /// <summary>For a completed apply with a verify step: the verdict after the change.</summary>
    public Verdict? VerifiedVerdict { get; init; }

    /// <summary>How many write requests (PATCH, POST, PUT, DELETE) were sent.</summary>
    public int WritesSent { get; init; }
}
