namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>A thread-safe journal in memory.</summary>
internal sealed class InMemoryPlanJournal : IPlanJournal
{
    private readonly List<JournalEntry> entries = [];
    private readonly object gate = new();

    /// <inheritdoc />
    public Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<JournalEntry>>(entries.ToArray());
        }
    }
}
