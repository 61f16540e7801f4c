using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>An independent RFC 6901 resolver, to check that evidence pointers lead somewhere real.</summary>
public static class Pointer
{
    /// <summary>Whether <paramref name="pointer"/> names a place in <paramref name="root"/>; <paramref name="value"/> is what is there.</summary>
    public static bool TryResolve(JsonNode root, string pointer, out JsonNode? value)
    {
        value = root;
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            value = null;
            return false;
        }

        foreach (string raw in pointer[1..].Split('/'))
        {
            string token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (value)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    value = child;
                    break;
                case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < array.Count:
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    /// <summary>The pointer of the container of <paramref name="pointer"/>.</summary>
    public static string Parent(string pointer) => pointer[..Math.Max(0, pointer.LastIndexOf('/'))];

    /// <summary>
    /// Whether <paramref name="actual"/> (evidence) agrees with <paramref name="found"/> (the document): equal scalars and
    /// arrays; for objects, every member of the evidence is equal in the document (evidence may summarise an object).
    /// </summary>
    public static bool Agrees(JsonNode? found, JsonNode? actual) => (found, actual) switch
    {
        (JsonObject f, JsonObject a) => a.All(m => f.TryGetPropertyValue(m.Key, out var v) && Agrees(v, m.Value)),
        _ => JsonNode.DeepEquals(found, actual),
    };
}
