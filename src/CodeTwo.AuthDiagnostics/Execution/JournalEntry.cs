using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>One line of a plan journal.</summary>
public sealed record JournalEntry
{
    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The fingerprint of the plan (a resume refuses a journal of another plan).</summary>
    public required string PlanFingerprint { get; init; }

    /// <summary>The step.</summary>
    public required string StepId { get; init; }

    /// <summary>What happened.</summary>
    public required JournalEvent Event { get; init; }

    /// <summary>Details (the error, the drift, …).</summary>
    public string? Message { get; init; }

    /// <summary>For a completed write: the drift check, so a rollback can tell whether someone changed the value since.</summary>
    public StepCheck? Check { get; init; }

    /// <summary>For a completed write: the request that undoes it (so rollback needs only the journal).</summary>
    public GraphRequest? Rollback { get; init; }

    /// <summary>For <see cref="JournalEvent.WaitStarted"/>: when the wait ends.</summary>
    public DateTimeOffset? Until { get; init; }
}
