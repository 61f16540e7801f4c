using System.Runtime.CompilerServices;

namespace CodeTwo.AuthDiagnostics.Tests.Architecture;

/// <summary>
/// The packages a host installs depend on the core with <c>&gt;=</c>, and package validation compares only public APIs:
/// a package that reached into the core's internals would fail with <see cref="MissingMethodException"/> when a host
/// updates the core alone. So the core shows its internals to its tests and benchmarks, and to nothing that ships.
/// </summary>
public sealed class InternalsVisibilityTests
{
    [Fact]
    public void The_core_shows_its_internals_only_to_tests_and_benchmarks()
    {
        var friends = typeof(IAuthDiagnostics).Assembly
            .GetCustomAttributes(typeof(InternalsVisibleToAttribute), inherit: false)
            .Cast<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName.Split(',')[0].Trim())
            .ToList();

        friends.Should().NotBeEmpty("the tests see the internals they test");
        friends.Should().OnlyContain(
            f => f.EndsWith(".Tests", StringComparison.Ordinal) || f.EndsWith(".Benchmarks", StringComparison.Ordinal),
            "Graph, Testing and the CLI use only the core's public API");
        friends.Should().NotContain(["CodeTwo.AuthDiagnostics.Graph", "CodeTwo.AuthDiagnostics.Testing", "c2authdiag"]);
    }
}
