using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>A plan alone as JSON: <c>{ "schemaVersion": 1, "plan": … }</c>, the plan member of the diagnosis contract (<c>docs/diagnosis-format.md</c>).</summary>
public static class PlanJson
{
    /// <summary>Renders the plan of <paramref name="diagnosis"/> (indented, deterministic, final newline).</summary>
    /// <param name="diagnosis">The diagnosis whose plan to render.</param>
    public static string Render(Diagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return Serialize(diagnosis.Plan);
    }

    /// <summary>Serializes <paramref name="plan"/> (indented, deterministic, final newline).</summary>
    internal static string Serialize(RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", Diagnosis.CurrentSchemaVersion);
            DiagnosisJson.WritePlan(writer, plan);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
