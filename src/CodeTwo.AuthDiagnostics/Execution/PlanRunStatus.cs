namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>How a run ended.</summary>
public enum PlanRunStatus
{
    /// <summary>Every step is complete (in a dry run: every step was listed).</summary>
    Completed = 0,

    /// <summary>A wait step is in progress; run again at or after <see cref="PlanRun.WaitingUntil"/>.</summary>
    WaitingUntil = 1,

    /// <summary>A manual step awaits confirmation (<see cref="PlanRun.PendingStep"/>).</summary>
    NeedsManualStep = 2,

    /// <summary>The tenant changed since the snapshot; nothing was overwritten. Capture and diagnose again.</summary>
    Drifted = 3,

    /// <summary>An approval was refused; nothing after it ran.</summary>
    Refused = 4,

    /// <summary>A step failed (<see cref="PlanRun.Message"/> says why).</summary>
    Failed = 5,
}

/// <summary>What happened to one step in this run.</summary>
public enum StepStatus
{
    /// <summary>Completed in this run.</summary>
    Completed = 0,

    /// <summary>Completed in an earlier run (from the journal); not repeated.</summary>
    CompletedEarlier = 1,

    /// <summary>The desired state was already there; nothing was sent.</summary>
    AlreadySatisfied = 2,

    /// <summary>Dry run: listed, not performed.</summary>
    WouldRun = 3,

    /// <summary>Waiting (wait step) or awaiting confirmation (manual step).</summary>
    Pending = 4,

    /// <summary>The tenant drifted; not sent.</summary>
    Drifted = 5,

    /// <summary>Approval refused.</summary>
    Refused = 6,

    /// <summary>Failed.</summary>
    Failed = 7,
}
