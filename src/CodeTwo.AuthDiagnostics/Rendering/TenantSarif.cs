using System.Buffers;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// The tenant-wide audit as one SARIF 2.1.0 log within GitHub code scanning's limits (<c>docs/diagnosis-format.md</c>,
/// "SARIF"): one result per code and Conditional Access policy (per code for codes about no policy) naming how many users
/// it affects and locating up to 1,000 of them in the snapshot file, never more than 25,000 results, and at most about
/// 10 MB; what it leaves out, the run says (<c>run.properties.leftOut</c> and a tool notification). Users are taken one at
/// a time in the order of <see cref="IAuthDiagnostics.AssessAll"/>: memory holds counts per result and the first
/// 1,000 users of each, whatever the tenant's size.
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

    /// <summary>Writes the SARIF log of every user of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(IAuthDiagnostics, TenantSnapshot, CancellationToken)"/>), user by user.</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">Where the UTF-8 goes; each user's part is committed as soon as it is written.</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, IBufferWriter<byte> output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.Run(Create, diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>
    /// Writes the SARIF log of every user of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(IAuthDiagnostics, TenantSnapshot, CancellationToken)"/>), streamed in
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
    /// Writes the SARIF log of every user of <paramref name="snapshot"/> to <paramref name="output"/> (exactly the text of <see cref="Render(IAuthDiagnostics, TenantSnapshot, CancellationToken)"/>), streamed in pieces of
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

    /// <summary>Renders the log of every user of <paramref name="snapshot"/>, located in the snapshot file <paramref name="options"/> names, as a string.</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="options">Where the snapshot is (its file, or its text and name) and the source root.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static string Render(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, SarifOptions options, CancellationToken cancellationToken) =>
        TenantReport.Render(Create(options), diagnostics, snapshot, cancellationToken);

    /// <summary>Writes the log of every user of <paramref name="snapshot"/>, located in the snapshot file <paramref name="options"/> names, to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(IAuthDiagnostics, TenantSnapshot, SarifOptions, CancellationToken)"/>).</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">Where the UTF-8 goes.</param>
    /// <param name="options">Where the snapshot is and the source root.</param>
    /// <param name="progress">Receives the number of users done so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, IBufferWriter<byte> output, SarifOptions options, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.Run(Create(options), diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>Writes the log of every user of <paramref name="snapshot"/>, located in the snapshot file <paramref name="options"/> names, to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(IAuthDiagnostics, TenantSnapshot, SarifOptions, CancellationToken)"/>), then flushes it.</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="options">Where the snapshot is and the source root.</param>
    /// <param name="progress">Receives the number of users done so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>await using var file = File.Create("tenant.sarif"); await TenantSarif.WriteAsync(diagnostics, snapshot, file, new SarifOptions { SnapshotPath = "tenant.json" }, progress: null, cancellationToken);</code></example>
    public static Task WriteAsync(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Stream output, SarifOptions options, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.RunAsync(Create(options), diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>Writes the log of every user of <paramref name="snapshot"/>, located in the snapshot file <paramref name="options"/> names, to <paramref name="output"/> (exactly the text of <see cref="Render(IAuthDiagnostics, TenantSnapshot, SarifOptions, CancellationToken)"/>), then flushes it.</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="options">Where the snapshot is and the source root.</param>
    /// <param name="progress">Receives the number of users done so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task WriteAsync(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, TextWriter output, SarifOptions options, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.RunAsync(Create(options), diagnostics, snapshot, output, progress, cancellationToken);

    private static TenantReport Create(IBufferWriter<byte> output, TenantSnapshot snapshot) => new TenantSarifLog(output, snapshot, SarifOptions.Default);

    private static Func<IBufferWriter<byte>, TenantSnapshot, TenantReport> Create(SarifOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (output, snapshot) => new TenantSarifLog(output, snapshot, options);
    }
}
