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

    /// <summary>The value at <paramref name="path"/> under <paramref name="payload"/> as compact JSON text, or null when absent.</summary>
    public static string? At(JsonElement payload, params string[] path)
    {
        var current = payload;
        foreach (string name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            current.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A boolean as JSON text.</summary>
    public static string Bool(bool value) => value ? "true" : "false";
}
