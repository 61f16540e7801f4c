using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// A diagnosis as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), for code-scanning dashboards and
/// other SARIF viewers: one run whose <c>tool.driver.rules</c> is the catalog and whose results are the findings, each
/// located at the user (and, for a Conditional Access finding, the policy) as logical locations. The same diagnosis
/// always gives the same bytes; the only time in the log is the snapshot's capture time.
/// </summary>
/// <remarks>The layout is described in <c>docs/diagnosis-format.md</c> ("SARIF").</remarks>
public static class DiagnosisSarif
{
    /// <summary>The schema the log declares (the OASIS standard, errata 01).</summary>
    internal const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The tool's name in <c>tool.driver.name</c>.</summary>
    internal const string ToolName = "CodeTwo.AuthDiagnostics";

    /// <summary>Where <c>tool.driver.informationUri</c> points: the Microsoft page on app passwords, the subject of every finding.</summary>
    internal const string InformationUri = "https://learn.microsoft.com/entra/identity/authentication/howto-mfa-app-passwords";

    /// <summary>The key of each result's partial fingerprint (tenant, user, code and policy: stable across captures).</summary>
    internal const string FingerprintKey = "c2authdiagFinding/v1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The library's version without build metadata (a commit id would change the bytes of every build).</summary>
    internal static string ToolVersion { get; } = Version();

    private static readonly DiagnosisRenderer Renderer = DiagnosisRenderer.FromUtf8(WriteLog);

    /// <summary>Renders <paramref name="diagnosis"/> as a SARIF 2.1.0 log: indented JSON, one run, one result per finding, final newline.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <returns>The log's JSON text.</returns>
    /// <example><code>File.WriteAllText("diagnosis.sarif", DiagnosisSarif.Render(diagnosis));</code></example>
    public static string Render(DiagnosisResult diagnosis) => Renderer.Render(diagnosis);

    /// <summary>Writes the SARIF log to <paramref name="output"/> as UTF-8: exactly the bytes of <see cref="Render(DiagnosisResult)"/>.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">Where the UTF-8 goes (an <see cref="ArrayBufferWriter{T}"/>, a <c>PipeWriter</c>, …).</param>
    /// <example><code>var buffer = new ArrayBufferWriter&lt;byte&gt;(); DiagnosisSarif.Write(diagnosis, buffer);</code></example>
    public static void Write(DiagnosisResult diagnosis, IBufferWriter<byte> output) => Renderer.Write(diagnosis, output);

    /// <summary>Writes the SARIF log to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(DiagnosisResult)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await using var file = File.Create("diagnosis.sarif"); await DiagnosisSarif.WriteAsync(diagnosis, file, cancellationToken);</code></example>
    public static Task WriteAsync(DiagnosisResult diagnosis, Stream output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>Writes the SARIF log to <paramref name="output"/> (exactly the text of <see cref="Render(DiagnosisResult)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await DiagnosisSarif.WriteAsync(diagnosis, Console.Out, cancellationToken);</code></example>
    public static Task WriteAsync(DiagnosisResult diagnosis, TextWriter output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>Several diagnoses of one snapshot as one log with one run (what <see cref="TenantSarif"/> streams).</summary>
    /// <param name="diagnoses">The diagnoses, all of the same snapshot.</param>
    internal static string RenderMany(IEnumerable<DiagnosisResult> diagnoses)
    {
        ArgumentNullException.ThrowIfNull(diagnoses);
        using var buffer = new PooledBufferWriter(64 * 1024);
        using (var log = new LogWriter(buffer))
        {
            foreach (var diagnosis in diagnoses)
            {
                log.Add(diagnosis);
            }

            log.Complete();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>One diagnosis as a log.</summary>
    private static void WriteLog(DiagnosisResult diagnosis, IBufferWriter<byte> output)
    {
        using var log = new LogWriter(output);
        log.Add(diagnosis);
        log.Complete();
    }

    /// <summary>A result's message: the finding's title and explanation, and how much evidence its properties leave out.</summary>
    internal static string Message(Finding f) => f.EvidenceOmitted > 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{f.Title}. {f.Explanation} Evidence: {f.Evidence.Count} items listed, … and {f.EvidenceOmitted} more.")
        : $"{f.Title}. {f.Explanation}";

    private static string Version()
    {
        string? version = typeof(DiagnosisSarif).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return typeof(DiagnosisSarif).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>
    /// Writes one SARIF log as the diagnoses stream in: the driver and its rules first, then one result per finding,
    /// then the run's properties (the tenant, each user's verdict and the totals). Written straight into the output, whose
    /// owner drains it (<see cref="Flush"/> commits what is pending), so a tenant-wide log never holds more than one
    /// diagnosis's results in memory.
    /// </summary>
    internal sealed class LogWriter : IDisposable
    {
        private static readonly Verdict[] VerdictOrder = [Verdict.Available, Verdict.Unavailable, Verdict.Unusable, Verdict.Indeterminate];

        private readonly IBufferWriter<byte> output;
        private readonly Utf8JsonWriter w;
        private readonly List<UserSummary> users = [];
        private (Guid TenantId, CloudEnvironment Cloud, DateTimeOffset CapturedAt)? snapshot;
        private bool completed;

        /// <summary>Starts the log on <paramref name="output"/>.</summary>
        /// <param name="output">Where the log goes.</param>
        public LogWriter(IBufferWriter<byte> output)
        {
            ArgumentNullException.ThrowIfNull(output);
            this.output = output;
            w = new Utf8JsonWriter(output, Options);
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            WriteTool();
            w.WriteStartArray("results");
        }

        /// <summary>Adds the findings of <paramref name="diagnosis"/> as results.</summary>
        /// <param name="diagnosis">A diagnosis of the log's snapshot.</param>
        public void Add(DiagnosisResult diagnosis)
        {
            ArgumentNullException.ThrowIfNull(diagnosis);
            ObjectDisposedException.ThrowIf(completed, this);
            snapshot ??= (diagnosis.TenantId, diagnosis.Cloud, diagnosis.CapturedAt);
            users.Add(new UserSummary(
                diagnosis.RequestedUser,
                diagnosis.UserId,
                diagnosis.UserPrincipalName,
                diagnosis.Verdict,
                diagnosis.RootCauses.Select(f => f.Code).Distinct().ToArray(),
                diagnosis.Counterfactual.ReachesAvailable,
                diagnosis.Counterfactual.Summary));
            foreach (var finding in diagnosis.Findings)
            {
                WriteResult(diagnosis, finding);
            }
        }

        /// <summary>Commits what is written so far to the output.</summary>
        public void Flush() => w.Flush();

        /// <summary>Ends the log (the run's properties, then a final newline) and flushes it.</summary>
        public void Complete()
        {
            if (completed)
            {
                return;
            }

            completed = true;
            w.WriteEndArray(); // results
            WriteRunProperties();
            w.WriteEndObject(); // run
            w.WriteEndArray(); // runs
            w.WriteEndObject();
            w.Flush();
            output.GetSpan(1)[0] = (byte)'\n';
            output.Advance(1);
        }

        /// <inheritdoc />
        public void Dispose() => w.Dispose();

        private void WriteTool()
        {
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", ToolName);
            w.WriteString("fullName", $"{ToolName} {ToolVersion}");
            w.WriteString("version", ToolVersion);
            w.WriteString("semanticVersion", ToolVersion);
            w.WriteString("organization", "CodeTwo");
            w.WriteString("informationUri", InformationUri);
            w.WriteStartArray("rules");
            foreach (var rule in DiagnosticCatalog.All)
            {
                WriteRule(rule);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteRule(DiagnosticDescriptor rule)
        {
            string helpUri = rule.HelpLink?.OriginalString ?? InformationUri;
            w.WriteStartObject();
            w.WriteString("id", rule.Code);
            w.WriteString("name", rule.Name);
            WriteMessage("shortDescription", rule.Summary);
            WriteMessage("fullDescription", SarifRules.Description(rule));
            w.WriteStartObject("help");
            w.WriteString("text", rule.References.Count == 0
                ? $"{rule.Summary} The finding's explanation and evidence say what to change."
                : $"{rule.Summary} Read more: {string.Join(" ", rule.References)}");
            w.WriteEndObject();
            w.WriteString("helpUri", helpUri);
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", SarifRules.Level(rule.DefaultSeverity));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("severity", JsonNames.Of(rule.DefaultSeverity));
            w.WriteString("kind", JsonNames.Of(rule.Kind));
            w.WriteString("confidence", JsonNames.Of(rule.Confidence));
            WriteStrings("references", rule.References);
            WriteStrings("tags", [JsonNames.Of(rule.Kind), JsonNames.Of(rule.Confidence)]);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteResult(DiagnosisResult d, Finding f)
        {
            string user = d.UserPrincipalName ?? d.RequestedUser;
            w.WriteStartObject();
            w.WriteString("ruleId", f.Code);
            int index = SarifRules.IndexOf(f.Code);
            if (index >= 0)
            {
                w.WriteNumber("ruleIndex", index);
            }

            w.WriteString("level", SarifRules.Level(f.Severity));
            WriteMessage("message", Message(f));

            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("name", user);
            w.WriteString("fullyQualifiedName", user);
            w.WriteString("kind", "user");
            if (d.UserId is { } id)
            {
                w.WriteStartObject("properties");
                w.WriteString("id", id);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            if (f.PolicyId is { } policy)
            {
                w.WriteStartObject();
                w.WriteString("name", policy);
                w.WriteString("fullyQualifiedName", $"identity/conditionalAccess/policies/{policy}");
                w.WriteString("kind", "conditionalAccessPolicy");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteStartObject("partialFingerprints");
            w.WriteString(FingerprintKey, $"{d.TenantId:D}/{d.UserId ?? d.RequestedUser}/{f.Code}/{f.PolicyId}");
            w.WriteEndObject();

            if (f.Acceptance is { } accepted)
            {
                // An accepted risk stays a result, suppressed outside the code (the host's or admin's acceptance).
                w.WriteStartArray("suppressions");
                w.WriteStartObject();
                w.WriteString("kind", "external");
                w.WriteString("status", "accepted");
                w.WriteString("justification", accepted.Reason);
                w.WriteStartObject("properties");
                w.WriteString("acceptedBy", accepted.AcceptedBy);
                w.WriteString("expires", accepted.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                if (accepted.User is { } acceptedUser)
                {
                    w.WriteString("user", acceptedUser);
                }

                if (accepted.PolicyId is { } acceptedPolicy)
                {
                    w.WriteString("policyId", acceptedPolicy);
                }

                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteStartObject("properties");
            w.WriteString("name", f.Name);
            w.WriteString("severity", JsonNames.Of(f.Severity));
            w.WriteString("kind", JsonNames.Of(f.Kind));
            w.WriteString("confidence", JsonNames.Of(f.Confidence));
            w.WriteBoolean("rootCause", f.RootCause);
            w.WriteString("title", f.Title);
            w.WriteString("verdict", JsonNames.Of(d.Verdict));
            w.WriteStartArray("evidence");
            foreach (var e in f.Evidence)
            {
                w.WriteStartObject();
                w.WriteString("pointer", e.Path);
                w.WritePropertyName("actual");
                DiagnosisJson.WriteJsonOrString(w, e.ActualJson);
                w.WriteString("expected", e.Expected);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (f.EvidenceOmitted > 0)
            {
                w.WriteNumber("evidenceOmitted", f.EvidenceOmitted);
            }

            WriteStrings("references", f.References);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteRunProperties()
        {
            w.WriteStartObject("properties");
            if (snapshot is { } d)
            {
                w.WriteString("tenantId", d.TenantId.ToString("D"));
                w.WriteString("cloud", JsonNames.Of(d.Cloud));
                w.WriteString("capturedAt", SnapshotWriter.FormatInstant(d.CapturedAt));
            }

            if (users.Count == 1)
            {
                w.WriteString("verdict", JsonNames.Of(users[0].Verdict));
            }

            w.WriteStartArray("users");
            foreach (var u in users)
            {
                w.WriteStartObject();
                w.WriteString("requested", u.Requested);
                WriteNullable("id", u.Id);
                WriteNullable("userPrincipalName", u.UserPrincipalName);
                w.WriteString("verdict", JsonNames.Of(u.Verdict));
                WriteStrings("rootCauses", u.RootCauses);
                w.WriteBoolean("reachesAvailable", u.ReachesAvailable);
                w.WriteString("summary", u.Summary);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("totals");
            w.WriteNumber("users", users.Count);
            foreach (var verdict in VerdictOrder)
            {
                w.WriteNumber(JsonNames.Of(verdict), users.Count(u => u.Verdict == verdict));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteMessage(string name, string text)
        {
            w.WriteStartObject(name);
            w.WriteString("text", text);
            w.WriteEndObject();
        }

        private void WriteNullable(string name, string? value)
        {
            if (value is null)
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteString(name, value);
            }
        }

        private void WriteStrings(string name, IEnumerable<string> values)
        {
            w.WriteStartArray(name);
            foreach (string value in values)
            {
                w.WriteStringValue(value);
            }

            w.WriteEndArray();
        }

        private sealed record UserSummary(string Requested, string? Id, string? UserPrincipalName, Verdict Verdict, string[] RootCauses, bool ReachesAvailable, string Summary);
    }
}
