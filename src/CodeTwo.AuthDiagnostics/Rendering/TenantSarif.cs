using System.Buffers;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// The tenant-wide audit as one SARIF 2.1.0 log (the layout of <see cref="DiagnosisSarif"/>, <c>docs/diagnosis-format.md</c>
/// "SARIF"): one run whose results are every user's findings, in the order of <see cref="IAuthDiagnostics.AssessAll"/>,
/// and whose properties hold each user's verdict and the totals. Each user is diagnosed, one at a time, and its results
/// written as it is done.
/// </summary>
/// <example>
/// <code>await using var file = File.Create("tenant.sarif"); await TenantSarif.WriteAsync(diagnostics, snapshot, file, progress: null, cancellationToken);</code>
/// </example>
public static class TenantSarif
{
    /// <summary>Renders the SARIF log of every user of <paramref name="snapshot"/> as a string (for small tenants; stream larger ones with <c>WriteAsync</c>).</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static string Render(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, CancellationToken cancellationToken) =>
        TenantReport.Render(Create, diagnostics, snapshot, cancellationToken);

    /// <summary>Writes the SARIF log of every user of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render"/>), user by user.</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">Where the UTF-8 goes; each user's part is committed as soon as it is written.</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, IBufferWriter<byte> output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.Run(Create, diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>
    /// Writes the SARIF log of every user of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render"/>), streamed in
    /// pieces of about 64 KB as the users are done, then flushes it: memory stays bounded whatever the number of users.
    /// </summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>await using var file = File.Create("tenant.sarif"); await TenantSarif.WriteAsync(diagnostics, snapshot, file, progress: null, cancellationToken);</code></example>
    public static Task WriteAsync(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Stream output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.RunAsync(Create, diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>
    /// Writes the SARIF log of every user of <paramref name="snapshot"/> to <paramref name="output"/> (exactly the text of <see cref="Render"/>), streamed in pieces of
    /// about 64 KB as the users are done, then flushes it.
    /// </summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>await TenantSarif.WriteAsync(diagnostics, snapshot, Console.Out, progress: null, cancellationToken);</code></example>
    public static Task WriteAsync(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, TextWriter output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.RunAsync(Create, diagnostics, snapshot, output, progress, cancellationToken);

    private static TenantReport Create(IBufferWriter<byte> output, TenantSnapshot snapshot) => new Report(output);

    /// <summary>The log, a diagnosis at a time.</summary>
    private sealed class Report(IBufferWriter<byte> output) : TenantReport(output)
    {
        private readonly DiagnosisSarif.LogWriter log = new(output);

        public override void Complete()
        {
            log.Complete();
        }

        public override void Flush() => log.Flush();

        public override void Dispose()
        {
            log.Dispose();
            base.Dispose();
        }

        protected override void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Assessment assessment) =>
            log.Add(Diagnose(diagnostics, snapshot, assessment));
    }
}
