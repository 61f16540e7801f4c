using System.Buffers;
using System.Text;
using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// One tenant-wide report (<see cref="TenantText"/>, <see cref="TenantJson"/>, <see cref="TenantSarif"/>) being written
/// into a UTF-8 buffer, user by user, in the order of <see cref="IAuthDiagnostics.AssessAll"/>. <see cref="Run"/> and its
/// overloads feed it and drain the buffer to the destination.
/// </summary>
internal abstract class TenantReport : IDisposable
{
    /// <summary>The buffer is drained to a stream or writer once it holds this many bytes.</summary>
    internal const int DrainAt = 64 * 1024;

    private static readonly Verdict[] VerdictOrder = [Verdict.Available, Verdict.Unavailable, Verdict.Unusable, Verdict.Indeterminate];
    private readonly int[] totals = new int[VerdictOrder.Length];

    /// <summary>Starts a report on <paramref name="output"/>.</summary>
    /// <param name="output">Where the report's UTF-8 goes.</param>
    protected TenantReport(IBufferWriter<byte> output) => Output = output;

    /// <summary>Users added so far.</summary>
    public int Count { get; private set; }

    /// <summary>Where the report's UTF-8 goes.</summary>
    protected IBufferWriter<byte> Output { get; }

    /// <summary>Adds one user, as the fast audit assessed it; a report that needs the words diagnoses the user.</summary>
    /// <param name="diagnostics">The service (to diagnose the user).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="assessment">The user's assessment.</param>
    public void Add(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Assessment assessment)
    {
        Count++;
        totals[Array.IndexOf(VerdictOrder, assessment.Verdict)]++;
        Write(diagnostics, snapshot, assessment);
    }

    /// <summary>Ends the report (totals, final newline) and commits it to the output.</summary>
    public abstract void Complete();

    /// <summary>Commits what is written so far to the output.</summary>
    public virtual void Flush()
    {
    }

    /// <inheritdoc />
    public virtual void Dispose()
    {
    }

    /// <summary>The totals per verdict, in the documents' order (available, unavailable, unusable, indeterminate).</summary>
    protected IEnumerable<(Verdict Verdict, int Count)> Totals() => VerdictOrder.Select((v, i) => (v, totals[i]));

    /// <summary>The full diagnosis of the assessed user (what a host does for the users it shows).</summary>
    protected static Diagnosis Diagnose(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Assessment assessment) =>
        diagnostics.Diagnose(snapshot, UserRef.Parse(assessment.RequestedUser));

    /// <summary>Writes one user.</summary>
    protected abstract void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Assessment assessment);

    /// <summary>Writes <paramref name="text"/> to the output as UTF-8.</summary>
    protected void WriteText(string text) => Encoding.UTF8.GetBytes(text.AsSpan(), Output);

    /// <summary>The whole report as a string.</summary>
    public static string Render(Func<IBufferWriter<byte>, TenantSnapshot, TenantReport> create, IAuthDiagnostics diagnostics, TenantSnapshot snapshot, CancellationToken cancellationToken)
    {
        Check(diagnostics, snapshot);
        using var buffer = new PooledBufferWriter(DrainAt);
        Run(create, diagnostics, snapshot, buffer, null, cancellationToken);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the whole report to <paramref name="output"/>, user by user.</summary>
    public static void Run(Func<IBufferWriter<byte>, TenantSnapshot, TenantReport> create, IAuthDiagnostics diagnostics, TenantSnapshot snapshot, IBufferWriter<byte> output, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        Check(diagnostics, snapshot);
        ArgumentNullException.ThrowIfNull(output);
        using var report = create(output, snapshot);
        foreach (var assessment in diagnostics.AssessAll(snapshot, cancellationToken))
        {
            report.Add(diagnostics, snapshot, assessment);
            report.Flush();
            progress?.Report(report.Count);
        }

        report.Complete();
    }

    /// <summary>Writes the whole report to <paramref name="output"/> as UTF-8, in pieces of about <see cref="DrainAt"/> bytes, then flushes it.</summary>
    public static Task RunAsync(Func<IBufferWriter<byte>, TenantSnapshot, TenantReport> create, IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Stream output, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        Check(diagnostics, snapshot);
        ArgumentNullException.ThrowIfNull(output);
        return RunAsync(create, diagnostics, snapshot, (bytes, token) => output.WriteAsync(bytes, token), token => new ValueTask(output.FlushAsync(token)), progress, cancellationToken);
    }

    /// <summary>Writes the whole report to <paramref name="output"/>, in pieces of about <see cref="DrainAt"/> bytes, then flushes it.</summary>
    public static Task RunAsync(Func<IBufferWriter<byte>, TenantSnapshot, TenantReport> create, IAuthDiagnostics diagnostics, TenantSnapshot snapshot, TextWriter output, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        Check(diagnostics, snapshot);
        ArgumentNullException.ThrowIfNull(output);

        // One decoder for the whole report: a piece that ends inside a character continues in the next.
        var decoder = Encoding.UTF8.GetDecoder();
        return RunAsync(create, diagnostics, snapshot, (bytes, token) => WriteDecodedAsync(decoder, bytes, output, token), token => new ValueTask(output.FlushAsync(token)), progress, cancellationToken);
    }

    private static async Task RunAsync(
        Func<IBufferWriter<byte>, TenantSnapshot, TenantReport> create,
        IAuthDiagnostics diagnostics,
        TenantSnapshot snapshot,
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> drain,
        Func<CancellationToken, ValueTask> flush,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        using var buffer = new PooledBufferWriter(DrainAt * 2);
        using (var report = create(buffer, snapshot))
        {
            foreach (var assessment in diagnostics.AssessAll(snapshot, cancellationToken))
            {
                report.Add(diagnostics, snapshot, assessment);
                report.Flush();
                progress?.Report(report.Count);
                if (buffer.WrittenCount >= DrainAt)
                {
                    await drain(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    buffer.Clear();
                }
            }

            report.Complete();
        }

        // A report that writes its body at the end (the aggregated SARIF log) is drained in pieces too.
        for (var rest = buffer.WrittenMemory; !rest.IsEmpty; rest = rest[Math.Min(DrainAt, rest.Length)..])
        {
            await drain(rest[..Math.Min(DrainAt, rest.Length)], cancellationToken).ConfigureAwait(false);
        }

        await flush(cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask WriteDecodedAsync(Decoder decoder, ReadOnlyMemory<byte> bytes, TextWriter output, CancellationToken cancellationToken)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxCharCount(bytes.Length)));
        try
        {
            int count = decoder.GetChars(bytes.Span, chars, flush: false);
            await output.WriteAsync(chars.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static void Check(IAuthDiagnostics diagnostics, TenantSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(snapshot);
    }
}
