using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>
/// A fixture snapshot document (tests/fixtures, copied next to the test assembly) as a mutable JSON tree: load it,
/// edit a copy with <see cref="With"/>, then read it through the real <see cref="TenantSnapshot"/> reader.
/// </summary>
/// <example><c>Fixture.Load("seed-security-defaults.json").With(root => root["sections"]!["securityDefaults"]!["value"]!["isEnabled"] = false).Snapshot()</c></example>
public sealed class Fixture
{
    private readonly JsonObject root;

    private Fixture(string name, JsonObject root)
    {
        Name = name;
        this.root = root;
    }

    /// <summary>Where the fixture files are copied by the test project.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures");

    /// <summary>Every fixture file name, in ordinal order.</summary>
    public static IReadOnlyList<string> AllNames { get; } = System.IO.Directory
        .EnumerateFiles(Directory, "*.json")
        .Select(p => Path.GetFileName(p))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The file the fixture came from.</summary>
    public string Name { get; }

    /// <summary>Loads <paramref name="name"/> from the fixture directory.</summary>
    public static Fixture Load(string name) =>
        new(name, JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name)))!.AsObject());

    /// <summary>A copy with <paramref name="edit"/> applied (the original is untouched).</summary>
    public Fixture With(Action<JsonObject> edit)
    {
        var copy = root.DeepClone().AsObject();
        edit(copy);
        return new Fixture(Name, copy);
    }

    /// <summary>A copy of the document.</summary>
    public JsonObject Root => root.DeepClone().AsObject();

    /// <summary>The document as JSON text.</summary>
    public string ToJson() => root.ToJsonString();

    /// <summary>The document read through the library's snapshot reader.</summary>
    public TenantSnapshot Snapshot() => TenantSnapshot.Parse(root.ToJsonString());

    /// <inheritdoc />
    public override string ToString() => Name;
}
