namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>Whether the runner writes to the tenant.</summary>
public enum RunMode
{
    /// <summary>The default: lists every request it would send and sends no write (reads for drift checks are allowed).</summary>
    DryRun = 0,

    /// <summary>Sends the plan's writes (each approval-requiring step only after approval).</summary>
    Apply = 1,
}

/// <summary>What the runner does at a wait step.</summary>
public enum WaitHandling
{
    /// <summary>Hands the wait back to the host: the run stops with <see cref="PlanRunStatus.WaitingUntil"/> and resumes from the journal.</summary>
    ReturnToHost = 0,

    /// <summary>Waits (through the <see cref="TimeProvider"/>), then goes on.</summary>
    Block = 1,
}
