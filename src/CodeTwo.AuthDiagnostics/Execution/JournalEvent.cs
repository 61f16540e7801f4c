namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>What a journal entry records.</summary>
public enum JournalEvent
{
    /// <summary>A write is about to be sent (a crash after this and before <see cref="Completed"/> leaves the outcome unknown; the drift check settles it on resume).</summary>
    Started = 0,

    /// <summary>The step completed (a write succeeded, a wait elapsed, a manual step was confirmed, a verification passed).</summary>
    Completed = 1,

    /// <summary>The desired state was already there; nothing was sent.</summary>
    AlreadySatisfied = 2,

    /// <summary>A wait began; it ends at <see cref="JournalEntry.Until"/>.</summary>
    WaitStarted = 3,

    /// <summary>The step failed.</summary>
    Failed = 4,

    /// <summary>The tenant changed since the snapshot; the step was not sent.</summary>
    Drifted = 5,

    /// <summary>Approval was refused.</summary>
    Refused = 6,

    /// <summary>The step's rollback request was sent successfully.</summary>
    RolledBack = 7,

    /// <summary>The step's rollback request failed.</summary>
    RollbackFailed = 8,
}
