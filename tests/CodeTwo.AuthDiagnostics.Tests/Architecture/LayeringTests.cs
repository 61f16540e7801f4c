using System.Text.RegularExpressions;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Architecture;

/// <summary>
/// The core's folders are its layers, in pipeline order; a file may use (by a <c>using</c> line or a qualified name) only
/// its own layer and the ones before it. <c>DependencyInjection</c> composes them all.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] Layers = ["Snapshots", "Rules", "Planning", "Diagnostics", "Execution", "Rendering", "DependencyInjection"];

    public static TheoryData<string> SourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in CoreFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void Every_source_file_is_in_a_layer_folder()
    {
        CoreFiles().Should().NotBeEmpty().And.OnlyContain(f => Layers.Contains(f.Split('/')[0]), "every file of the core belongs to one layer");
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void A_file_uses_only_its_layer_and_the_ones_before_it(string file)
    {
        int own = Array.IndexOf(Layers, file.Split('/')[0]);
        var violations = Violations(File.ReadAllLines(Path.Combine(CoreRoot, file)), own);

        violations.Should().BeEmpty($"{file} is in layer {Layers[own]}, which may use only {string.Join(", ", Layers.Take(own + 1))}");
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void A_file_declares_the_namespace_of_its_folder(string file)
    {
        string layer = file.Split('/')[0];
        string text = File.ReadAllText(Path.Combine(CoreRoot, file));
        var declared = NamespaceLine().Match(text);
        declared.Success.Should().BeTrue($"{file} declares a file-scoped namespace");
        string expected = layer is "DependencyInjection" or "Diagnostics"
            ? "CodeTwo.AuthDiagnostics"
            : "CodeTwo.AuthDiagnostics." + string.Join('.', file.Split('/')[..^1]);
        if (layer == "DependencyInjection" && declared.Groups[1].Value == "Microsoft.Extensions.DependencyInjection")
        {
            return; // extension methods live in the DI namespace, as Microsoft.Extensions.* packages do
        }

        if (declared.Groups[1].Value == "CodeTwo.AuthDiagnostics" && PublicType().IsMatch(text))
        {
            return; // the everyday surface a host reads once lives in the root namespace, whichever layer makes it
        }

        declared.Groups[1].Value.Should().Be(expected, $"{file} sits in {string.Join('/', file.Split('/')[..^1])}");
    }

    [Fact]
    public void The_check_finds_a_backward_using_and_a_backward_qualified_name()
    {
        Violations(["using CodeTwo.AuthDiagnostics.Planning;"], Array.IndexOf(Layers, "Rules")).Should().ContainSingle();
        Violations(["    var x = Planning.PlanBuilder.Build();"], Array.IndexOf(Layers, "Snapshots")).Should().ContainSingle();
        Violations(["using CodeTwo.AuthDiagnostics.Snapshots.Graph;", "/// see Rendering.DiagnosisJson"], Array.IndexOf(Layers, "Rules")).Should().BeEmpty();
    }

    private static List<string> Violations(IEnumerable<string> lines, int own)
    {
        var found = new List<string>();
        foreach (string line in lines)
        {
            string code = line.TrimStart();
            if (code.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in LayerReference().Matches(code))
            {
                int used = Array.IndexOf(Layers, m.Groups["layer"].Value);
                if (used > own)
                {
                    found.Add(code);
                }
            }
        }

        return found;
    }

    private static string CoreRoot => Path.Combine(RepositoryPaths.Root, "src", "CodeTwo.AuthDiagnostics");

    private static IEnumerable<string> CoreFiles() => Directory
        .EnumerateFiles(CoreRoot, "*.cs", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(CoreRoot, f).Replace('\\', '/'))
        .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal);

    // A using line or a qualified name that names a layer: CodeTwo.AuthDiagnostics.Planning, or PlanStep.
    [GeneratedRegex(@"(?:CodeTwo\.AuthDiagnostics\.|(?<![\w\.]))(?<layer>Snapshots|Rules|Planning|Diagnostics|Execution|Rendering)\b(?=\s*;|\.[A-Z])")]
    private static partial Regex LayerReference();

    [GeneratedRegex(@"^public (?:[a-z]+ )*(?:class|struct|record|interface|enum) ", RegexOptions.Multiline)]
    private static partial Regex PublicType();

    [GeneratedRegex(@"^namespace ([\w\.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
