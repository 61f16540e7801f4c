using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Cli.Rendering;

/// <summary>
/// <c>diagnose --all-users</c>: one line (or JSON object) per user with the verdict, the root causes and (JSON) the
/// plan's steps, then the totals per verdict; or, as SARIF, one log whose run holds every user's findings. Written as
/// the results stream in, so a 100,000-user snapshot never holds more than one block of them in memory. The text report
/// needs only verdicts and root causes: it is fed by the fast assessment (<c>AssessAll</c>, every core); JSON and SARIF,
/// which list plan steps and findings, by full diagnoses.
/// </summary>
internal abstract class TenantWideReport
{
    private readonly Dictionary<Verdict, int> totals = Enum.GetValues<Verdict>().ToDictionary(v => v, _ => 0);

    public static TenantWideReport Create(string format, TextWriter output, TenantSnapshot snapshot) => format switch
    {
        "json" => new JsonReport(output, snapshot),
        "sarif" => new SarifReport(output),
        _ => new TextReport(output),
    };

    public int Count { get; private set; }

    public void Add(Diagnosis diagnosis)
    {
        Count++;
        totals[diagnosis.Verdict]++;
        Write(diagnosis);
    }

    /// <summary>Adds a user from the fast assessment (enough for the text report: verdict and root causes).</summary>
    public void Add(Assessment assessment)
    {
        Count++;
        totals[assessment.Verdict]++;
        Write(assessment);
    }

    public abstract void Complete();

    protected static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    protected static string[] RootCauseCodes(Diagnosis diagnosis) =>
        diagnosis.RootCauses.Select(f => f.Code).Distinct().ToArray();

    protected IEnumerable<(Verdict Verdict, int Count)> Totals() =>
        new[] { Verdict.Available, Verdict.Unavailable, Verdict.Unusable, Verdict.Indeterminate }.Select(v => (v, totals[v]));

    protected abstract void Write(Diagnosis diagnosis);

    /// <summary>Writes one user from an assessment; a report that needs the plan cannot.</summary>
    protected virtual void Write(Assessment assessment) =>
        throw new InvalidOperationException("This report needs full diagnoses (the plan's steps), not assessments.");

    /// <summary>Aligned lines for a terminal, names made safe to print.</summary>
    private sealed class TextReport(TextWriter output) : TenantWideReport
    {
        private bool headerWritten;

        public override void Complete()
        {
            if (!headerWritten)
            {
                output.WriteLine("The snapshot holds no user.");
                return;
            }

            output.WriteLine();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Count} {(Count == 1 ? "user" : "users")}: {string.Join(", ", Totals().Select(t => $"{t.Count} {Name(t.Verdict)}"))}."));
            output.WriteLine("Diagnose one of them with --user UPN for the evidence and the plan.");
        }

        protected override void Write(Diagnosis diagnosis) =>
            Line(diagnosis.Verdict, diagnosis.UserPrincipalName ?? diagnosis.RequestedUser, RootCauseCodes(diagnosis));

        protected override void Write(Assessment assessment) =>
            Line(assessment.Verdict, assessment.UserPrincipalName ?? assessment.RequestedUser, assessment.RootCauses);

        private void Line(Verdict verdict, string name, IReadOnlyList<string> codes)
        {
            if (!headerWritten)
            {
                output.WriteLine($"{"VERDICT",-14}{"USER",-42}ROOT CAUSES");
                headerWritten = true;
            }

            string user = ConsoleText.OneLine(name);
            output.WriteLine($"{Name(verdict),-14}{user.PadRight(41)} {(codes.Count == 0 ? "-" : string.Join(", ", codes))}");
        }
    }

    /// <summary>One SARIF 2.1.0 log with one run: every user's findings as results, the verdicts and totals in the run's properties.</summary>
    private sealed class SarifReport(TextWriter output) : TenantWideReport
    {
        private readonly DiagnosisSarif.LogWriter log = new(output);

        public override void Complete()
        {
            log.Complete();
            log.Dispose();
        }

        protected override void Write(Diagnosis diagnosis) => log.Add(diagnosis);
    }

    /// <summary>One JSON document (docs/diagnosis-format.md, "Tenant-wide summary"), flushed to the output as it grows.</summary>
    private sealed class JsonReport : TenantWideReport
    {
        private const int FlushAt = 64 * 1024;
        private readonly TextWriter output;
        private readonly ArrayBufferWriter<byte> buffer = new(FlushAt * 2);
        private readonly Utf8JsonWriter writer;

        public JsonReport(TextWriter output, TenantSnapshot snapshot)
        {
            this.output = output;
            writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
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
                writer.WriteNumber(Name(verdict), count);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            Flush();
            output.WriteLine();
        }

        protected override void Write(Diagnosis diagnosis)
        {
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

            writer.WriteString("verdict", Name(diagnosis.Verdict));
            WriteStrings("rootCauses", RootCauseCodes(diagnosis));
            writer.WriteBoolean("reachesAvailable", diagnosis.Counterfactual.ReachesAvailable);
            WriteStrings("planSteps", diagnosis.Plan.Steps.Select(s => s.Id));
            writer.WriteEndObject();
            if (writer.BytesPending + buffer.WrittenCount >= FlushAt)
            {
                Flush();
            }
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

        private void Flush()
        {
            writer.Flush();
            output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.Clear();
        }
    }
}
