using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeTwo.AuthDiagnostics.Cli.Tests;

/// <summary>The shared fixture snapshots (tests/fixtures, copied to the test output folder).</summary>
internal static class Fixtures
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Every fixture file name, for theories.</summary>
    public static TheoryData<string> All
    {
        get
        {
            var names = System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            if (names.Count == 0)
            {
                throw new InvalidOperationException($"No fixture found in {Directory}.");
            }

            var data = new TheoryData<string>();
            foreach (string? name in names)
            {
                data.Add(name!);
            }

            return data;
        }
    }

    /// <summary>The fixture parsed as plain JSON, independently of the library, to know what the CLI should print.</summary>
    public static JsonObject Json(string name) => JsonNode.Parse(File.ReadAllText(PathOf(name)))!.AsObject();

    /// <summary>The user principal names in <c>users[]</c>, and the addresses in <c>missingUsers</c>.</summary>
    public static IReadOnlyList<string> UserPrincipalNames(JsonObject snapshot)
    {
        var names = new List<string>();
        foreach (var entry in snapshot["users"]?.AsArray() ?? [])
        {
            names.Add(entry!["user"]!["userPrincipalName"]!.GetValue<string>());
        }

        foreach (var missing in snapshot["missingUsers"]?.AsArray() ?? [])
        {
            string text = missing!.GetValue<string>();
            if (text.Contains('@', StringComparison.Ordinal))
            {
                names.Add(text);
            }
        }

        return names;
    }

    public static string ToJson(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
