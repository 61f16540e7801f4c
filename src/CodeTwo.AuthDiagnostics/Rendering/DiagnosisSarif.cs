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
using static CodeTwo.AuthDiagnostics.Rendering.JsonWriting;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// A diagnosis as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), for code-scanning dashboards and
/// other SARIF viewers: one run whose <c>tool.driver.rules</c> is the catalog and whose results are the findings, each
/// located in the snapshot file (<see cref="SarifOptions"/>) at its first evidence pointer, and at the user (and, for a Conditional Access finding, the policy) as logical locations. The same diagnosis
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

    private static readonly DiagnosisRenderer Renderer = DiagnosisRenderer.FromUtf8((diagnosis, output) => WriteLog(diagnosis, output, null));

    /// <summary>Renders <paramref name="diagnosis"/> as a SARIF 2.1.0 log: indented JSON, one run, one result per finding, final newline. The snapshot is <c>snapshot.json</c>, every region line 1 (see <see cref="Render(DiagnosisResult, SarifOptions)"/>).</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <returns>The log's JSON text.</returns>
    /// <example><code>File.WriteAllText("diagnosis.sarif", DiagnosisSarif.Render(diagnosis));</code></example>
    public static string Render(DiagnosisResult diagnosis) => Renderer.Render(diagnosis);

    /// <summary>
    /// Renders <paramref name="diagnosis"/> as a SARIF 2.1.0 log whose results are located in the snapshot file that
    /// <paramref name="options"/> names: each at the line and column of the finding's first evidence pointer.
    /// </summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="options">Where the snapshot is (its file, or its text and name) and the source root.</param>
    /// <returns>The log's JSON text.</returns>
    /// <example><code>File.WriteAllText("diagnosis.sarif", DiagnosisSarif.Render(diagnosis, new SarifOptions { SnapshotPath = "tenant.json" }));</code></example>
    public static string Render(DiagnosisResult diagnosis, SarifOptions options) => For(options).Render(diagnosis);

    /// <summary>Writes the SARIF log to <paramref name="output"/> as UTF-8: exactly the bytes of <see cref="Render(DiagnosisResult)"/>.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">Where the UTF-8 goes (an <see cref="ArrayBufferWriter{T}"/>, a <c>PipeWriter</c>, …).</param>
    /// <example><code>var buffer = new ArrayBufferWriter&lt;byte&gt;(); DiagnosisSarif.Write(diagnosis, buffer);</code></example>
    public static void Write(DiagnosisResult diagnosis, IBufferWriter<byte> output) => Renderer.Write(diagnosis, output);

    /// <summary>Writes the SARIF log located by <paramref name="options"/> to <paramref name="output"/> as UTF-8: exactly the bytes of <see cref="Render(DiagnosisResult, SarifOptions)"/>.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">Where the UTF-8 goes.</param>
    /// <param name="options">Where the snapshot is and the source root.</param>
    public static void Write(DiagnosisResult diagnosis, IBufferWriter<byte> output, SarifOptions options) => For(options).Write(diagnosis, output);

    /// <summary>Writes the SARIF log to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(DiagnosisResult)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await using var file = File.Create("diagnosis.sarif"); await DiagnosisSarif.WriteAsync(diagnosis, file, cancellationToken);</code></example>
    public static Task WriteAsync(DiagnosisResult diagnosis, Stream output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>Writes the SARIF log located by <paramref name="options"/> to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(DiagnosisResult, SarifOptions)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="options">Where the snapshot is and the source root.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static Task WriteAsync(DiagnosisResult diagnosis, Stream output, SarifOptions options, CancellationToken cancellationToken) =>
        For(options).WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>Writes the SARIF log to <paramref name="output"/> (exactly the text of <see cref="Render(DiagnosisResult)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await DiagnosisSarif.WriteAsync(diagnosis, Console.Out, cancellationToken);</code></example>
    public static Task WriteAsync(DiagnosisResult diagnosis, TextWriter output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>Writes the SARIF log located by <paramref name="options"/> to <paramref name="output"/> (exactly the text of <see cref="Render(DiagnosisResult, SarifOptions)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="options">Where the snapshot is and the source root.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await DiagnosisSarif.WriteAsync(diagnosis, Console.Out, new SarifOptions { SnapshotPath = "tenant.json" }, cancellationToken);</code></example>
    public static Task WriteAsync(DiagnosisResult diagnosis, TextWriter output, SarifOptions options, CancellationToken cancellationToken) =>
        For(options).WriteAsync(diagnosis, output, cancellationToken);

    private static DiagnosisRenderer For(SarifOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return DiagnosisRenderer.FromUtf8((diagnosis, output) => WriteLog(diagnosis, output, options));
    }

    /// <summary>One diagnosis as a log.</summary>
    private static void WriteLog(DiagnosisResult diagnosis, IBufferWriter<byte> output, SarifOptions? options)
    {
        using var log = new LogWriter(output, SarifArtifact.From(options));
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

    /// <summary>Starts a log on <paramref name="w"/>: the top level, the run, its tool (the catalog as rules) and the snapshot's artifact.</summary>
    internal static void WriteStart(Utf8JsonWriter w, SarifArtifact artifact)
    {
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        WriteTool(w);
        artifact.WriteRunMembers(w);
    }

    /// <summary>The result's code, rule index and level.</summary>
    internal static void WriteRuleAndLevel(Utf8JsonWriter w, Finding f)
    {
        w.WriteString("ruleId", f.Code);
        int index = SarifRules.IndexOf(f.Code);
        if (index >= 0)
        {
            w.WriteNumber("ruleIndex", index);
        }

        w.WriteString("level", SarifRules.Level(f.Severity));
    }

    /// <summary>The logical locations of a finding: the user and, for a Conditional Access finding, the policy.</summary>
    internal static void WriteLogicalLocations(Utf8JsonWriter w, string user, string? userId, string? policy)
    {
        w.WriteStartArray("logicalLocations");
        w.WriteStartObject();
        w.WriteString("name", user);
        w.WriteString("fullyQualifiedName", user);
        w.WriteString("kind", "user");
        if (userId is { } id)
        {
            w.WriteStartObject("properties");
            w.WriteString("id", id);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (policy is not null)
        {
            w.WriteStartObject();
            w.WriteString("name", policy);
            w.WriteString("fullyQualifiedName", $"identity/conditionalAccess/policies/{policy}");
            w.WriteString("kind", "conditionalAccessPolicy");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>An accepted finding's suppression (the host's or admin's acceptance, outside the code).</summary>
    internal static void WriteSuppression(Utf8JsonWriter w, AcceptedRisk accepted)
    {
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

    /// <summary>A finding's evidence (<c>pointer</c>, <c>actual</c>, <c>expected</c>), then <c>evidenceOmitted</c> when it was cut.</summary>
    internal static void WriteEvidence(Utf8JsonWriter w, Finding f)
    {
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
    }

    /// <summary>The finding's catalog name, severity, kind and confidence (the first members of a result's properties).</summary>
    internal static void WriteClassification(Utf8JsonWriter w, Finding f)
    {
        w.WriteString("name", f.Name);
        w.WriteString("severity", JsonNames.Of(f.Severity));
        w.WriteString("kind", JsonNames.Of(f.Kind));
        w.WriteString("confidence", JsonNames.Of(f.Confidence));
    }

    /// <summary>A message object.</summary>
    internal static void WriteMessage(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartObject(name);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter w)
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
            WriteRule(w, rule);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, DiagnosticDescriptor rule)
    {
        string helpUri = rule.HelpLink?.OriginalString ?? InformationUri;
        w.WriteStartObject();
        w.WriteString("id", rule.Code);
        w.WriteString("name", rule.Name);
        WriteMessage(w, "shortDescription", rule.Summary);
        WriteMessage(w, "fullDescription", SarifRules.Description(rule));
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
        WriteStrings(w, "references", rule.References);
        WriteStrings(w, "tags", [JsonNames.Of(rule.Kind), JsonNames.Of(rule.Confidence)]);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the SARIF log of one diagnosis: the driver and its rules, the snapshot as the run's artifact, one result per
    /// finding (located at its first evidence pointer in the snapshot's text, found in one pass over it for all the
    /// findings), then the run's properties (the tenant, the user's verdict and the totals).
    /// </summary>
    internal sealed class LogWriter : IDisposable
    {
        private static readonly Verdict[] VerdictOrder = [Verdict.Available, Verdict.Unavailable, Verdict.Unusable, Verdict.Indeterminate];

        private readonly IBufferWriter<byte> output;
        private readonly SarifArtifact artifact;
        private readonly Utf8JsonWriter w;
        private DiagnosisResult? diagnosis;
        private bool completed;

        /// <summary>Starts the log on <paramref name="output"/>.</summary>
        /// <param name="output">Where the log goes.</param>
        /// <param name="artifact">The snapshot, as the log names it.</param>
        public LogWriter(IBufferWriter<byte> output, SarifArtifact artifact)
        {
            ArgumentNullException.ThrowIfNull(output);
            this.output = output;
            this.artifact = artifact;
            w = new Utf8JsonWriter(output, Options);
            WriteStart(w, artifact);
            w.WriteStartArray("results");
        }

        /// <summary>Adds the findings of <paramref name="diagnosis"/> as results (once per log).</summary>
        /// <param name="diagnosis">The diagnosis.</param>
        public void Add(DiagnosisResult diagnosis)
        {
            ArgumentNullException.ThrowIfNull(diagnosis);
            ObjectDisposedException.ThrowIf(completed, this);
            if (this.diagnosis is not null)
            {
                throw new InvalidOperationException("A diagnosis's log holds one diagnosis.");
            }

            this.diagnosis = diagnosis;
            var firsts = diagnosis.Findings.Select(f => f.Evidence.Count > 0 ? f.Evidence[0].Path : null).ToArray();
            string? entry = diagnosis.Findings.SelectMany(f => f.Evidence).Select(e => SarifArtifact.UserEntryOf(e.Path)).FirstOrDefault(p => p is not null);
            var located = artifact.Locate(firsts.Where(p => p is not null).Append(entry).OfType<string>());
            for (int i = 0; i < firsts.Length; i++)
            {
                WriteResult(diagnosis, diagnosis.Findings[i], SarifArtifact.Region(located, firsts[i], entry));
            }
        }

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

        private void WriteResult(DiagnosisResult d, Finding f, (int Line, int Column) region)
        {
            string user = d.UserPrincipalName ?? d.RequestedUser;
            w.WriteStartObject();
            WriteRuleAndLevel(w, f);
            WriteMessage(w, "message", Message(f));

            w.WriteStartArray("locations");
            w.WriteStartObject();
            artifact.WritePhysicalLocation(w, region);
            WriteLogicalLocations(w, user, d.UserId, f.PolicyId);
            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteStartObject("partialFingerprints");
            w.WriteString(FingerprintKey, $"{d.TenantId:D}/{d.UserId ?? d.RequestedUser}/{f.Code}/{f.PolicyId}");
            w.WriteEndObject();

            if (f.Acceptance is { } accepted)
            {
                WriteSuppression(w, accepted);
            }

            w.WriteStartObject("properties");
            WriteClassification(w, f);
            w.WriteBoolean("rootCause", f.RootCause);
            w.WriteString("title", f.Title);
            w.WriteString("verdict", JsonNames.Of(d.Verdict));
            WriteEvidence(w, f);
            WriteStrings(w, "references", f.References);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteRunProperties()
        {
            w.WriteStartObject("properties");
            var d = diagnosis;
            if (d is not null)
            {
                w.WriteString("tenantId", d.TenantId.ToString("D"));
                w.WriteString("cloud", JsonNames.Of(d.Cloud));
                w.WriteString("capturedAt", SnapshotWriter.FormatInstant(d.CapturedAt));
                w.WriteString("verdict", JsonNames.Of(d.Verdict));
            }

            w.WriteStartArray("users");
            if (d is not null)
            {
                w.WriteStartObject();
                w.WriteString("requested", d.RequestedUser);
                WriteNullable(w, "id", d.UserId);
                WriteNullable(w, "userPrincipalName", d.UserPrincipalName);
                w.WriteString("verdict", JsonNames.Of(d.Verdict));
                WriteStrings(w, "rootCauses", d.RootCauses.Select(f => f.Code).Distinct());
                w.WriteBoolean("reachesAvailable", d.Counterfactual.ReachesAvailable);
                w.WriteString("summary", d.Counterfactual.Summary);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("totals");
            w.WriteNumber("users", d is null ? 0 : 1);
            foreach (var verdict in VerdictOrder)
            {
                w.WriteNumber(JsonNames.Of(verdict), d is not null && d.Verdict == verdict ? 1 : 0);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }
    }
}
