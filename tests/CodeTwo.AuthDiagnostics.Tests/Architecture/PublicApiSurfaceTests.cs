using System.Reflection;

using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Architecture;

/// <summary>Keeps the 1.0 surface small and deliberate.</summary>
public sealed class PublicApiSurfaceTests
{
    /// <summary>
    /// Half of the 1,146 lines the core declared before 1.0 (573), plus what issue #17 made public on purpose: the write
    /// shapes every renderer gained (21 lines: each of the seven writes to a buffer, a stream and a writer as well as
    /// returning a string), the package boundary (the read-only snapshot contents, the cloud table, the snapshot
    /// writer's format members and the Retry-After policy, which the Graph, Testing and CLI packages used through
    /// InternalsVisibleTo before) and the one diagnostic catalog (DiagnosticCatalog and DiagnosticDescriptor, what a host
    /// reads to list, show or configure a code), and catalog v1.2 (issue #18: the eight code constants APW025, APW071–APW076,
    /// APW093 and the confidence value <c>evaluated</c>, which hosts need to name and show what Microsoft answered), and
    /// issue #19: the HTML reports (<c>DiagnosisHtml</c> and <c>TenantHtml</c>, 10 lines, the renderers' four shapes each,
    /// so that a host can serve the same page), bounded evidence and SARIF for code scanning (21 lines):
    /// <c>Finding.EvidenceOmitted</c>, the count a finding's capped evidence leaves out, which every renderer shows;
    /// <c>SarifOptions</c> (where the snapshot is, so that every result has the physical location code scanning requires)
    /// and the overloads of <c>DiagnosisSarif</c> and <c>TenantSarif</c> that take it, beside the old shapes.
    /// Whatever else the surface gains, it gives up as much.
    /// </summary>
    private const int MaxCoreApiLines = 573 + 21 + 36 + 14 + 9 + 10 + 21;

    /// <summary>Public records whose value equality means something: small values of strings and numbers.</summary>
    private static readonly string[] ValueRecords = ["Evidence", "GraphRequest", "StepCheck", "Alternative", "SnapshotFormatError", "JournalEntry", "StepResult", "UserRef", "RecordedRequest", "AcceptedRisk"];

    private static readonly Assembly[] Shipped = [typeof(IAuthDiagnostics).Assembly, typeof(SnapshotBuilder).Assembly];

    [Fact]
    public void The_core_declares_at_most_half_the_lines_it_had_before_1_0()
    {
        string project = Path.Combine(RepositoryRoot, "src", "CodeTwo.AuthDiagnostics");
        int lines = new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(f => File.ReadAllLines(Path.Combine(project, f)))
            .Count(l => l.Length > 0 && !l.StartsWith('#'));

        lines.Should().BeGreaterThan(100, "the files list the whole surface").And.BeLessThanOrEqualTo(MaxCoreApiLines);
    }

    [Fact]
    public void The_declared_surface_is_the_compiled_one()
    {
        // PublicApiAnalyzers fails the build when the files and the code differ; here the count of public types agrees too.
        string project = Path.Combine(RepositoryRoot, "src", "CodeTwo.AuthDiagnostics");
        var declaredTypes = new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(f => File.ReadAllLines(Path.Combine(project, f)))
            .Select(l => l.Split(' ')[^1])
            .Where(l => l.StartsWith("CodeTwo.", StringComparison.Ordinal) || l.StartsWith("Microsoft.", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var publicTypes = typeof(IAuthDiagnostics).Assembly.GetExportedTypes().Select(t => t.FullName!.Replace('+', '.')).ToList();

        publicTypes.Should().OnlyContain(t => declaredTypes.Contains(t));
    }

    [Fact]
    public void Public_records_are_only_values_whose_equality_means_something()
    {
        var records = Shipped
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.GetMethod("<Clone>$") is not null || (t.IsValueType && t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null))
            .Select(t => t.Name)
            .ToList();

        records.Should().OnlyContain(name => ValueRecords.Contains(name), "a type holding lists, dictionaries or delegates is a sealed class");
        Shipped.SelectMany(a => a.GetExportedTypes()).Select(t => t.Name).Should().Contain(["TenantSnapshot", "Diagnosis", "RemediationPlan", "PlanStep", "GraphResponse", "PlanRunOptions"]);
        records.Should().NotContain(["TenantSnapshot", "Diagnosis", "RemediationPlan", "PlanStep", "GraphResponse", "PlanRunOptions", "Finding"]);
    }

    [Fact]
    public void No_type_shares_its_namespaces_name()
    {
        var clashes = Shipped
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace is { } ns && !t.IsNested && ns.Split('.')[^1] == t.Name)
            .Select(t => t.FullName)
            .ToList();

        clashes.Should().BeEmpty();
    }

    [Fact]
    public void The_engine_and_the_model_are_internal()
    {
        var core = typeof(IAuthDiagnostics).Assembly;
        foreach (string name in new[]
        {
            "CodeTwo.AuthDiagnostics.DiagnosticEngine",
            "CodeTwo.AuthDiagnostics.AuthDiagnosticsService",
            "CodeTwo.AuthDiagnostics.Rules.SnapshotIndex",
            "CodeTwo.AuthDiagnostics.Snapshots.SectionPermissions",
            "CodeTwo.AuthDiagnostics.Rules.JsonPointer",
            "CodeTwo.AuthDiagnostics.Snapshots.Graph.ConditionalAccessPolicy",
        })
        {
            var type = core.GetType(name, throwOnError: true)!;
            type.IsPublic.Should().BeFalse($"{name} is not part of the 1.0 API");
        }

        typeof(IAuthDiagnostics).Assembly.GetExportedTypes().Should().NotContain(t => t.Name == "DiagnosticEngine");
    }

    [Fact]
    public void A_host_reads_three_namespaces_of_the_core()
    {
        // Polly v8 keeps its everyday surface in Polly: the entry point, snapshot, results, options and catalog are in the
        // root namespace; running plans in Execution; renderers in Rendering. Nothing public hides anywhere else.
        var namespaces = typeof(IAuthDiagnostics).Assembly.GetExportedTypes().Select(t => t.Namespace).Distinct().Order(StringComparer.Ordinal).ToList();

        namespaces.Should().BeEquivalentTo(
            ["CodeTwo.AuthDiagnostics", "CodeTwo.AuthDiagnostics.Execution", "CodeTwo.AuthDiagnostics.Rendering", "Microsoft.Extensions.DependencyInjection"]);
        typeof(IAuthDiagnostics).Assembly.GetExportedTypes().Where(t => t.Namespace == "CodeTwo.AuthDiagnostics").Select(t => t.Name).Should().Contain(
            ["IAuthDiagnostics", "TenantSnapshot", "UserRef", "Diagnosis", "Assessment", "Finding", "Evidence", "Verdict", "Severity", "AuthDiagnosticsOptions", "AcceptedRisk", "DiagnosticCodes", "RemediationPlan"]);
    }

    private static string RepositoryRoot => RepositoryPaths.Root;
}
