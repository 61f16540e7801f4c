using System.Globalization;
using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>Reads a dotted property path from a Graph response and compares JSON values the way drift checks need.</summary>
internal static class JsonValues
{
    /// <summary>The value at <paramref name="dottedPath"/>, as raw JSON; "null" when absent.</summary>
    public static string Select(string json, string dottedPath)
    {
        using var document = JsonDocument.Parse(json);
        var current = document.RootElement;
        foreach (string part in dottedPath.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return "null";
            }
        }

        return current.GetRawText();
    }

    /// <summary>
    /// Semantic equality: objects by member, arrays of strings as case-insensitive sets (Graph does not keep the
    /// order of id lists), other arrays in order, numbers by value.
    /// </summary>
    public static bool SameValue(string leftJson, string rightJson)
    {
        using var left = JsonDocument.Parse(leftJson);
        using var right = JsonDocument.Parse(rightJson);
        return Same(left.RootElement, right.RootElement);
    }

    /// <summary>Whether the JSON value is an instant at or after <paramref name="instant"/>.</summary>
    public static bool IsInstantAtOrAfter(string json, DateTimeOffset instant)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(document.RootElement.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            && value >= instant.AddSeconds(-1);
    }

    private static bool Same(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var names = a.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                if (names.Count != b.EnumerateObject().Count())
                {
                    return false;
                }

                foreach (var property in a.EnumerateObject())
                {
                    if (!b.TryGetProperty(property.Name, out var other) || !Same(property.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                var left = a.EnumerateArray().ToArray();
                var right = b.EnumerateArray().ToArray();
                if (left.Length != right.Length)
                {
                    return false;
                }

                if (left.All(e => e.ValueKind == JsonValueKind.String) && right.All(e => e.ValueKind == JsonValueKind.String))
                {
                    var set = left.Select(e => e.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    return right.All(e => set.Contains(e.GetString()!)) && set.Count == right.Select(e => e.GetString()!).Distinct(StringComparer.OrdinalIgnoreCase).Count();
                }

                return left.Zip(right).All(pair => Same(pair.First, pair.Second));
            case JsonValueKind.String:
                return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Number:
                return a.GetDecimal() == b.GetDecimal();
            default:
                return true;
        }
    }
}
