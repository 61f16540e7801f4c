using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>A plan alone as JSON: <c>{ "schemaVersion": 1, "plan": … }</c>, the plan member of the diagnosis contract (<c>docs/diagnosis-format.md</c>).</summary>
public static class PlanJson
{
    private static readonly DiagnosisRenderer Renderer = DiagnosisRenderer.FromUtf8((d, output) => Write(d.Plan, output));

    /// <summary>Renders the plan of <paramref name="diagnosis"/> (indented, deterministic, final newline).</summary>
    /// <param name="diagnosis">The diagnosis whose plan to render.</param>
    public static string Render(Diagnosis diagnosis) => Renderer.Render(diagnosis);

    /// <summary>Writes the JSON of the plan to <paramref name="output"/> as UTF-8: exactly the bytes of <see cref="Render(Diagnosis)"/>.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">Where the UTF-8 goes (an <see cref="ArrayBufferWriter{T}"/>, a <c>PipeWriter</c>, …).</param>
    /// <example><code>var buffer = new ArrayBufferWriter&lt;byte&gt;(); PlanJson.Write(diagnosis, buffer);</code></example>
    public static void Write(Diagnosis diagnosis, IBufferWriter<byte> output) => Renderer.Write(diagnosis, output);

    /// <summary>Writes the JSON of the plan to <paramref name="output"/> as UTF-8 (exactly the bytes of <see cref="Render(Diagnosis)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The stream (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await PlanJson.WriteAsync(diagnosis, httpResponse.Body, cancellationToken);</code></example>
    public static Task WriteAsync(Diagnosis diagnosis, Stream output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>Writes the JSON of the plan to <paramref name="output"/> (exactly the text of <see cref="Render(Diagnosis)"/>), then flushes it.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="output">The writer (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <example><code>await PlanJson.WriteAsync(diagnosis, Console.Out, cancellationToken);</code></example>
    public static Task WriteAsync(Diagnosis diagnosis, TextWriter output, CancellationToken cancellationToken) =>
        Renderer.WriteAsync(diagnosis, output, cancellationToken);

    /// <summary>Serializes <paramref name="plan"/> (indented, deterministic, final newline).</summary>
    internal static string Serialize(RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new PooledBufferWriter(16 * 1024);
        Write(plan, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(RemediationPlan plan, IBufferWriter<byte> output)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", Diagnosis.CurrentSchemaVersion);
            DiagnosisJson.WritePlan(writer, plan);
            writer.WriteEndObject();
        }

        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }
}
