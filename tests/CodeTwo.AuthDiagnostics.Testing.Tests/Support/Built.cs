using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Testing.Tests.Support;

/// <summary>What a builder produced: the typed snapshot and its canonical JSON, parsed for path assertions.</summary>
internal sealed record Built(TenantSnapshot Snapshot, JsonNode Json, string Text)
{
    public static Built From(SnapshotBuilder builder)
    {
        var snapshot = builder.Build();
        string text = builder.BuildJson();
        return new Built(snapshot, JsonNode.Parse(text)!, text);
    }

    /// <summary>The node at a JSON pointer (RFC 6901), for example <c>/sections/securityDefaults/value/isEnabled</c>.</summary>
    public JsonNode? At(string pointer) => JsonPointer.Resolve(Json, pointer);

    /// <summary>The string at a JSON pointer.</summary>
    public string? Str(string pointer) => At(pointer)?.GetValue<string>();

    /// <summary>The strings of the array at a JSON pointer.</summary>
    public string[] Strings(string pointer) => At(pointer)!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    /// <summary>Whether the object at <paramref name="pointer"/> has <paramref name="property"/> (even as null).</summary>
    public bool Has(string pointer, string property) => At(pointer)!.AsObject().ContainsKey(property);
}

internal static class JsonPointer
{
    public static JsonNode? Resolve(JsonNode root, string pointer)
    {
        if (!pointer.StartsWith('/'))
        {
            throw new ArgumentException("A JSON pointer starts with '/'.", nameof(pointer));
        }

        JsonNode? node = root;
        foreach (string raw in pointer[1..].Split('/'))
        {
            string token = raw.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(token, out var child) ? child : throw new KeyNotFoundException($"{pointer}: no property \"{token}\" in {o.ToJsonString()[..Math.Min(200, o.ToJsonString().Length)]}"),
                JsonArray a => int.TryParse(token, out int i) && i < a.Count ? a[i] : throw new KeyNotFoundException($"{pointer}: no index {token} (length {a.Count})"),
                _ => throw new KeyNotFoundException($"{pointer}: \"{token}\" under a non-container"),
            };
        }

        return node;
    }
}
