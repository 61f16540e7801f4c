using System.Text;
using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>
/// A journal in a JSON Lines file: one entry per line, flushed to disk before <see cref="AppendAsync"/> returns.
/// A torn last line (a crash mid-write) is ignored when reading; any other unreadable line is an error naming it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "SemaphoreSlim owns no unmanaged resource unless AvailableWaitHandle is used, which this class never does.")]
internal sealed class FilePlanJournal : IPlanJournal
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Creates a journal on <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    public FilePlanJournal(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, ExecutionJsonContext.Default.JournalEntry) + "\n");
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough | FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">A line other than a torn last one is not a journal entry.</exception>
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        string[] lines = await File.ReadAllLinesAsync(Path, cancellationToken).ConfigureAwait(false);
        var entries = new List<JournalEntry>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                entries.Add(JsonSerializer.Deserialize(lines[i], ExecutionJsonContext.Default.JournalEntry)
                    ?? throw new JsonException("null entry"));
            }
            catch (JsonException e) when (i == lines.Length - 1)
            {
                _ = e; // A torn last line: the write it records never completed.
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{Path}, line {i + 1}: not a journal entry ({e.Message}).", e);
            }
        }

        return entries;
    }
}
