using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CodeTwo.AuthDiagnostics.Cli.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/*.md compiles against the public API of the packages (a doc
/// example that no longer compiles fails CI). A block's leading <c>using</c> lines become the file's usings; the rest
/// becomes the body of an <c>async</c> method with a <c>CancellationToken cancellationToken</c> parameter, so blocks
/// declare everything else they use. Blocks are compiled, not run.
/// </summary>
public sealed partial class DocSnippetTests
{
    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (string file in DocumentFiles())
        {
            int count = CodeBlocks(File.ReadAllText(Path.Combine(RepositoryRoot, file))).Count;
            for (int i = 0; i < count; i++)
            {
                data.Add(file, i);
            }
        }

        return data;
    }

    [Fact]
    public void The_readme_has_a_csharp_block_to_check()
    {
        CodeBlocks(File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"))).Should().NotBeEmpty();
    }

    [Fact]
    public void The_readmes_basic_flow_needs_at_most_three_namespaces_of_ours()
    {
        // The first block of "Using the library" registers, loads, diagnoses, renders and runs the plan: a host reads the
        // root namespace, .Execution and .Rendering, and nothing else of ours.
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        string basicFlow = CodeBlocks(readme[readme.IndexOf("## Using the library", StringComparison.Ordinal)..])[0];
        var ours = basicFlow.Split('\n').Where(l => l.StartsWith("using CodeTwo.", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

        ours.Should().BeSubsetOf(["using CodeTwo.AuthDiagnostics;", "using CodeTwo.AuthDiagnostics.Execution;", "using CodeTwo.AuthDiagnostics.Rendering;"]);
        ours.Count.Should().BeLessThanOrEqualTo(3);
        basicFlow.Should().Contain("Diagnose(").And.Contain("RunAsync(").And.Contain("Render(");
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Compiles_against_the_public_api(string file, int index)
    {
        string block = CodeBlocks(File.ReadAllText(Path.Combine(RepositoryRoot, file)))[index];
        var errors = Compile(block);

        errors.Should().BeEmpty($"csharp block {index + 1} of {file} must compile against the public API:\n{block}");
    }

    [Fact]
    public void A_block_using_an_internal_type_fails()
    {
        // The check itself can fail: internals are not visible to a snippet.
        Compile("using CodeTwo.AuthDiagnostics.Rules;\nvar settings = typeof(SnapshotIndex);").Should().NotBeEmpty();
    }

    private static List<string> Compile(string block)
    {
        var lines = block.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(';') && !l.Contains('=', StringComparison.Ordinal) && !l.Contains('(', StringComparison.Ordinal)).ToArray();
        string body = string.Join('\n', lines.Skip(usings.Length));
        string source = string.Join('\n', usings) + """

            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            namespace DocSnippet;

            public static class Snippet
            {
                public static async Task RunAsync(CancellationToken cancellationToken)
                {
            """ + "\n" + body + """

                    await Task.CompletedTask;
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "DocSnippet" + Guid.NewGuid().ToString("N"),
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
    }

    private static List<string> CodeBlocks(string markdown) =>
        CodeBlock().Matches(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => m.Groups[1].Value).ToList();

    private static IEnumerable<string> DocumentFiles() =>
        new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md").Select(f => Path.Combine("docs", Path.GetFileName(f))).Order(StringComparer.Ordinal));

    private static MetadataReference[] LoadReferences()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
        {
            paths.TryAdd(Path.GetFileName(path), path);
        }

        foreach (string path in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            paths.TryAdd(Path.GetFileName(path), path);
        }

        var references = new List<MetadataReference>();
        foreach (string path in paths.Values)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
                if (pe.HasMetadata)
                {
                    references.Add(MetadataReference.CreateFromFile(path));
                }
            }
            catch (BadImageFormatException)
            {
                // A native library: nothing to compile against.
            }
        }

        return references.ToArray();
    }

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CodeTwo.AuthDiagnostics.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (CodeTwo.AuthDiagnostics.sln) is not above " + AppContext.BaseDirectory);
        }
    }

    [GeneratedRegex("^```csharp\\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
