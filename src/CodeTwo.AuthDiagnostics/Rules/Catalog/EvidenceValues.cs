using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>Helpers that turn snapshot values into evidence JSON text.</summary>
internal static class EvidenceValues
{
    /// <summary>The raw JSON of <paramref name="name"/> in <paramref name="payload"/>, or null when absent.</summary>
    public static string? Property(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) ? value.GetRawText() : null;

    /// <summary>A string as JSON text.</summary>
    public static string String(string value) => JsonSerializer.Serialize(value, SnapshotJsonContext.Default.String);

    /// <summary>A list of strings as JSON text.</summary>
    public static string Strings(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray(), SnapshotJsonContext.Default.StringArray);

    /// <summary>A boolean as JSON text.</summary>
    public static string Bool(bool value) => value ? "true" : "false";
}
