using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>The small writes every JSON-shaped renderer (diagnosis JSON, SARIF) shares.</summary>
internal static class JsonWriting
{
    /// <summary>A string or null.</summary>
    public static void WriteNullable(Utf8JsonWriter w, string name, string? value)
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

    /// <summary>An array of strings.</summary>
    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
