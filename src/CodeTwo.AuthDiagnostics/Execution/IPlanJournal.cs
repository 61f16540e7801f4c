namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>
/// An append-only record of a plan run, so an interrupted apply resumes without repeating a completed write and a
/// rollback knows what to undo. <see cref="PlanJournal"/> creates the built-in ones.
/// </summary>
public interface IPlanJournal
{
    /// <summary>Appends an entry durably (it must survive a crash once this returns).</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken);

    /// <summary>Reads every entry, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>The built-in journals.</summary>
public static class PlanJournal
{
    /// <summary>A JSON Lines file (created if missing, appended to otherwise).</summary>
    /// <param name="path">The file.</param>
    public static IPlanJournal File(string path) => new FilePlanJournal(path);

    /// <summary>A journal in memory (tests, dry runs).</summary>
    public static IPlanJournal InMemory() => new InMemoryPlanJournal();
}
