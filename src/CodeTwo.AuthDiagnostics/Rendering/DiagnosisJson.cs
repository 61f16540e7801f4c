using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CodeTwo.AuthDiagnostics.Snapshots;

using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;
using static CodeTwo.AuthDiagnostics.Rendering.JsonWriting;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// The machine contract: a diagnosis as JSON (camelCase names, enums as camelCase strings, a fixed member order,
/// <c>schemaVersion</c>), documented in <c>docs/diagnosis-format.md</c>. The same diagnosis always gives the same bytes.
/// </summary>
public static class DiagnosisJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly DiagnosisRenderer Renderer = DiagnosisRenderer.FromUtf8(WriteDocument);

    /// <summary>Renders <paramref name="diagnosis"/> as the machine contract (<c>docs/diagnosis-format.md</c>): indented JSON, deterministic, final newline.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <example><code>string json = DiagnosisJson.Render(diagnosis);</code></example>
    public static string Render(DiagnosisResult diagnosis) => Renderer.Render(diagnosis);

    /// <summary>Writes the machine contract to <paramref name="output"/> as UTF-8: exactly the bytes of <see cref="Render(DiagnosisResult)"/>.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">Where the UTF-8 goes (an <see cref="ArrayBufferWriter{T}"/>, a <c>PipeWriter</c>, …).</param>
    /// <example><code>var buffer = new ArrayBufferWriter&lt;byte&gt;(); DiagnosisJson.Write(diagnosis, buffer);</code></example>
    public static void Write(DiagnosisResult diagnosis, IBufferWriter<byte> output) => Renderer.Write(diagnosis, output);

    /// <summary>Writes the machine contract to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(DiagnosisResult)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await DiagnosisJson.WriteAsync(diagnosis, httpResponse.Body, cancellationToken);</code></example>
    public static Task WriteAsync(DiagnosisResult diagnosis, Stream output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>Writes the machine contract to <paramref name="output"/> (exactly the text of <see cref="Render(DiagnosisResult)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await DiagnosisJson.WriteAsync(diagnosis, Console.Out, cancellationToken);</code></example>
    public static Task WriteAsync(DiagnosisResult diagnosis, TextWriter output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>The diagnosis as an indented JSON string (ends with a newline).</summary>
    internal static string Serialize(DiagnosisResult diagnosis) => Renderer.Render(diagnosis);

    /// <summary>The diagnosis as UTF-8 JSON bytes.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    internal static byte[] SerializeToUtf8Bytes(DiagnosisResult diagnosis)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        Renderer.Write(diagnosis, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The document and its final newline.</summary>
    private static void WriteDocument(DiagnosisResult diagnosis, IBufferWriter<byte> output)
    {
        using (var w = new Utf8JsonWriter(output, Options))
        {
            Write(w, diagnosis);
        }

        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    /// <summary>Several diagnoses as one JSON array.</summary>
    /// <param name="diagnoses">The diagnoses.</param>
    internal static string SerializeMany(IEnumerable<DiagnosisResult> diagnoses)
    {
        ArgumentNullException.ThrowIfNull(diagnoses);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartArray();
            foreach (var diagnosis in diagnoses)
            {
                Write(w, diagnosis);
            }

            w.WriteEndArray();
        }

        buffer.Write("\n"u8);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter w, DiagnosisResult d)
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", DiagnosisResult.CurrentSchemaVersion);
        w.WriteString("tenantId", d.TenantId.ToString("D"));
        w.WriteString("cloud", GraphEnums.Cloud.ToText(d.Cloud));
        w.WriteString("capturedAt", SnapshotWriter.FormatInstant(d.CapturedAt));
        w.WriteStartObject("user");
        w.WriteString("requested", d.RequestedUser);
        WriteNullable(w, "id", d.UserId);
        WriteNullable(w, "userPrincipalName", d.UserPrincipalName);
        w.WriteEndObject();
        w.WriteString("verdict", JsonNames.Of(d.Verdict));

        w.WriteStartArray("findings");
        foreach (var f in d.Findings)
        {
            w.WriteStartObject();
            w.WriteString("code", f.Code);
            w.WriteString("name", f.Name);
            w.WriteString("severity", JsonNames.Of(f.Severity));
            w.WriteString("kind", JsonNames.Of(f.Kind));
            w.WriteBoolean("rootCause", f.RootCause);
            w.WriteString("title", f.Title);
            w.WriteString("explanation", f.Explanation);
            WriteNullable(w, "policyId", f.PolicyId);
            w.WriteStartArray("evidence");
            foreach (var e in f.Evidence)
            {
                w.WriteStartObject();
                w.WriteString("path", e.Path);
                w.WritePropertyName("actual");
                WriteJsonOrString(w, e.ActualJson);
                w.WriteString("expected", e.Expected);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (f.EvidenceOmitted > 0)
            {
                // Only bounded findings carry it: documents whose findings list all their evidence keep their bytes.
                w.WriteNumber("evidenceOmitted", f.EvidenceOmitted);
            }

            WriteStrings(w, "references", f.References);
            w.WriteString("confidence", JsonNames.Of(f.Confidence));
            if (f.Acceptance is { } acceptance)
            {
                // Only accepted findings carry it: documents without acceptances are unchanged.
                w.WritePropertyName("acceptance");
                WriteAcceptance(w, acceptance);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteAcceptances(w, "expiredAcceptances", d.ExpiredAcceptances);
        WriteAcceptances(w, "unusedAcceptances", d.UnusedAcceptances);

        var cf = d.Counterfactual;
        w.WriteStartObject("counterfactual");
        w.WriteBoolean("reachesAvailable", cf.ReachesAvailable);
        w.WriteString("resultingVerdict", JsonNames.Of(cf.ResultingVerdict));
        WriteStrings(w, "changes", cf.Changes);
        WriteStrings(w, "descriptions", cf.Descriptions);
        WriteStrings(w, "remaining", cf.Remaining);
        w.WriteString("summary", cf.Summary);
        w.WriteEndObject();

        WritePlan(w, d.Plan);
        w.WriteEndObject();
    }

    internal static void WritePlan(Utf8JsonWriter w, RemediationPlan plan)
    {
        w.WriteStartObject("plan");
        w.WriteStartArray("steps");
        foreach (var s in plan.Steps)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("kind", JsonNames.Of(s.Kind));
            w.WriteString("title", s.Title);
            w.WriteString("explanation", s.Explanation);
            WriteStrings(w, "fixes", s.Fixes);
            WriteStrings(w, "dependsOn", s.DependsOn);
            w.WriteString("risk", JsonNames.Of(s.Risk));
            w.WriteBoolean("requiresApproval", s.RequiresApproval);
            WriteStrings(w, "requiredPermissions", s.RequiredPermissions);
            WriteNullable(w, "requiredRole", s.RequiredRole);
            if (s.Kind == PlanStepKind.Graph)
            {
                WriteRequest(w, "request", s.Request);
                WriteRequest(w, "rollback", s.Rollback);
                if (s.Rollback is null)
                {
                    WriteNullable(w, "rollbackUnavailableReason", s.RollbackUnavailableReason);
                }

                if (s.Check is { } check)
                {
                    w.WriteStartObject("check");
                    w.WriteString("readUrl", check.ReadUrl);
                    w.WriteString("property", check.Property);
                    w.WriteString("kind", JsonNames.Of(check.Kind));
                    w.WritePropertyName("captured");
                    WriteJsonOrString(w, check.CapturedJson);
                    w.WritePropertyName("desired");
                    WriteJsonOrString(w, check.DesiredJson);
                    w.WriteEndObject();
                }
            }

            if (s.Kind == PlanStepKind.Manual)
            {
                WriteNullable(w, "instructions", s.Instructions);
                WriteNullable(w, "url", s.PortalUrl);
                if (s.Command is not null)
                {
                    // Only steps that change what no Graph API reaches (Exchange Online) carry a command: older documents are unchanged.
                    w.WriteString("command", s.Command);
                    WriteNullable(w, "rollbackCommand", s.RollbackCommand);
                }
            }

            if (s.Kind == PlanStepKind.Wait)
            {
                w.WriteNumber("minutes", s.WaitMinutes ?? 0);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteStrings(w, "advisories", plan.Advisories);
        w.WriteStartArray("alternatives");
        foreach (var a in plan.Alternatives)
        {
            w.WriteStartObject();
            w.WriteString("title", a.Title);
            w.WriteString("description", a.Description);
            w.WriteString("url", a.Url);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A list of acceptances, written only when it is not empty (documents without acceptances are unchanged).</summary>
    private static void WriteAcceptances(Utf8JsonWriter w, string name, IReadOnlyList<AcceptedRisk> acceptances)
    {
        if (acceptances.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var acceptance in acceptances)
        {
            WriteAcceptance(w, acceptance);
        }

        w.WriteEndArray();
    }

    /// <summary>An acceptance in the shape of an entry of the accepted-risks file.</summary>
    private static void WriteAcceptance(Utf8JsonWriter w, AcceptedRisk acceptance)
    {
        w.WriteStartObject();
        w.WriteString("code", acceptance.Code);
        WriteNullable(w, "user", acceptance.User);
        WriteNullable(w, "policyId", acceptance.PolicyId);
        w.WriteString("reason", acceptance.Reason);
        w.WriteString("acceptedBy", acceptance.AcceptedBy);
        w.WriteString("expires", acceptance.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void WriteRequest(Utf8JsonWriter w, string name, GraphRequest? request)
    {
        if (request is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("method", request.Method);
        w.WriteString("url", request.Url);
        w.WritePropertyName("body");
        WriteJsonOrString(w, request.Body);
        w.WriteEndObject();
    }

    internal static void WriteJsonOrString(Utf8JsonWriter w, string? json)
    {
        if (json is null)
        {
            w.WriteNullValue();
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            document.RootElement.WriteTo(w);
        }
        catch (JsonException)
        {
            w.WriteStringValue(json);
        }
    }
}
