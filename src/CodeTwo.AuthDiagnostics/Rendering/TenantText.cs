using System.Buffers;
using System.Globalization;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// The tenant-wide audit as aligned text for a terminal: a header, one line per user (verdict, user, root-cause codes)
/// in the order of <see cref="IAuthDiagnostics.AssessAll"/>, then the totals per verdict. Fed by the fast assessment
/// (verdicts and root causes need no words), so it takes about a second per 100,000 users; names are made safe to print.
/// </summary>
/// <example>
/// <code>await TenantText.WriteAsync(diagnostics, snapshot, Console.Out, progress: null, cancellationToken);</code>
/// </example>
public static class TenantText
{
    /// <summary>Renders the audit of every user of <paramref name="snapshot"/> as a string (for small tenants; stream larger ones with <c>WriteAsync</c>).</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static string Render(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, CancellationToken cancellationToken) =>
        TenantReport.Render(Create, diagnostics, snapshot, cancellationToken);

    /// <summary>Writes the audit of every user of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render"/>), user by user.</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">Where the UTF-8 goes; each user's part is committed as soon as it is written.</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, IBufferWriter<byte> output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.Run(Create, diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>
    /// Writes the audit of every user of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render"/>), streamed in
    /// pieces of about 64 KB as the users are done, then flushes it: memory stays bounded whatever the number of users.
    /// </summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>await using var file = File.Create("tenant.txt"); await TenantText.WriteAsync(diagnostics, snapshot, file, progress: null, cancellationToken);</code></example>
    public static Task WriteAsync(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Stream output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.RunAsync(Create, diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>
    /// Writes the audit of every user of <paramref name="snapshot"/> to <paramref name="output"/> (exactly the text of <see cref="Render"/>), streamed in pieces of
    /// about 64 KB as the users are done, then flushes it.
    /// </summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>await TenantText.WriteAsync(diagnostics, snapshot, Console.Out, progress: null, cancellationToken);</code></example>
    public static Task WriteAsync(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, TextWriter output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.RunAsync(Create, diagnostics, snapshot, output, progress, cancellationToken);

    private static TenantReport Create(IBufferWriter<byte> output, TenantSnapshot snapshot) => new Report(output);

    /// <summary>Aligned lines, names made safe to print.</summary>
    private sealed class Report(IBufferWriter<byte> output) : TenantReport(output)
    {
        public override void Complete()
        {
            if (Count == 0)
            {
                WriteText("The snapshot holds no user.\n");
                return;
            }

            WriteText(string.Create(
                CultureInfo.InvariantCulture,
                $"\n{Count} {(Count == 1 ? "user" : "users")}: {string.Join(", ", Totals().Select(t => $"{t.Count} {JsonNames.Of(t.Verdict)}"))}.\n"));
        }

        protected override void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Assessment assessment)
        {
            if (Count == 1)
            {
                WriteText($"{"VERDICT",-14}{"USER",-42}ROOT CAUSES\n");
            }

            string user = RenderedText.OneLine(assessment.UserPrincipalName ?? assessment.RequestedUser);
            var codes = assessment.RootCauses;
            WriteText($"{JsonNames.Of(assessment.Verdict),-14}{user.PadRight(41)} {(codes.Count == 0 ? "-" : string.Join(", ", codes))}\n");
        }
    }
}
