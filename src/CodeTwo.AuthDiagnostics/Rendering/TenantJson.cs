using System.Buffers;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// The tenant-wide summary document (<c>docs/diagnosis-format.md</c>, "Tenant-wide summary"): the snapshot, then one
/// object per user (verdict, root causes, whether the plan reaches Available, the plan's step ids) in the order of
/// <see cref="IAuthDiagnostics.AssessAll"/>, then the totals per verdict. Each user is diagnosed for its plan, one at a
/// time, and written as it is done.
/// </summary>
/// <example>
/// <code>await TenantJson.WriteAsync(diagnostics, snapshot, stream, progress: null, cancellationToken);</code>
/// </example>
public static class TenantJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    /// <summary>Renders the tenant-wide summary of <paramref name="snapshot"/> as a string (for small tenants; stream larger ones with <c>WriteAsync</c>).</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static string Render(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, CancellationToken cancellationToken) =>
        TenantReport.Render(Create, diagnostics, snapshot, cancellationToken);

    /// <summary>Writes the tenant-wide summary of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render"/>), user by user.</summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">Where the UTF-8 goes; each user's part is committed as soon as it is written.</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, IBufferWriter<byte> output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.Run(Create, diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>
    /// Writes the tenant-wide summary of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render"/>), streamed in
    /// pieces of about 64 KB as the users are done, then flushes it: memory stays bounded whatever the number of users.
    /// </summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>await using var file = File.Create("tenant.json"); await TenantJson.WriteAsync(diagnostics, snapshot, file, progress: null, cancellationToken);</code></example>
    public static Task WriteAsync(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Stream output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.RunAsync(Create, diagnostics, snapshot, output, progress, cancellationToken);

    /// <summary>
    /// Writes the tenant-wide summary of <paramref name="snapshot"/> to <paramref name="output"/> (exactly the text of <see cref="Render"/>), streamed in pieces of
    /// about 64 KB as the users are done, then flushes it.
    /// </summary>
    /// <param name="diagnostics">The service (its options decide the verdicts).</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="progress">Receives the number of users written so far, after each user; optional.</param>
    /// <param name="cancellationToken">Stops the run; what was written stays written.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>await TenantJson.WriteAsync(diagnostics, snapshot, Console.Out, progress: null, cancellationToken);</code></example>
    public static Task WriteAsync(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, TextWriter output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TenantReport.RunAsync(Create, diagnostics, snapshot, output, progress, cancellationToken);

    private static TenantReport Create(IBufferWriter<byte> output, TenantSnapshot snapshot) => new Report(output, snapshot);

    /// <summary>One JSON document, written as the users come.</summary>
    private sealed class Report : TenantReport
    {
        private readonly Utf8JsonWriter writer;

        public Report(IBufferWriter<byte> output, TenantSnapshot snapshot)
            : base(output)
        {
            writer = new Utf8JsonWriter(output, Options);
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", 1);
            writer.WriteString("kind", "tenantSummary");
            writer.WriteString("tenantId", snapshot.TenantId.ToString("D"));
            writer.WriteString("cloud", SnapshotWriter.FormatCloud(snapshot.Cloud));
            writer.WriteString("capturedAt", SnapshotWriter.FormatInstant(snapshot.CapturedAt));
            writer.WriteStartArray("users");
        }

        public override void Complete()
        {
            writer.WriteEndArray();
            writer.WriteStartObject("totals");
            writer.WriteNumber("users", Count);
            foreach (var (verdict, count) in Totals())
            {
                writer.WriteNumber(JsonNames.Of(verdict), count);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            WriteText("\n");
        }

        public override void Flush() => writer.Flush();

        public override void Dispose()
        {
            writer.Dispose();
            base.Dispose();
        }

        protected override void Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, Assessment assessment)
        {
            var diagnosis = Diagnose(diagnostics, snapshot, assessment);
            writer.WriteStartObject();
            writer.WriteString("user", diagnosis.UserPrincipalName ?? diagnosis.RequestedUser);
            if (diagnosis.UserId is { } id)
            {
                writer.WriteString("userId", id);
            }
            else
            {
                writer.WriteNull("userId");
            }

            writer.WriteString("verdict", JsonNames.Of(diagnosis.Verdict));
            WriteStrings("rootCauses", diagnosis.RootCauses.Select(f => f.Code).Distinct());
            writer.WriteBoolean("reachesAvailable", diagnosis.Counterfactual.ReachesAvailable);
            WriteStrings("planSteps", diagnosis.Plan.Steps.Select(s => s.Id));
            writer.WriteEndObject();
        }

        private void WriteStrings(string name, IEnumerable<string> values)
        {
            writer.WriteStartArray(name);
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }
    }
}
