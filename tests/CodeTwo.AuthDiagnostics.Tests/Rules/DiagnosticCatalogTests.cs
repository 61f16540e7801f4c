using System.Reflection;

using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Rules.Catalog;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>The one catalog: every code declared once, and everything that describes a code reads it from there.</summary>
public sealed class DiagnosticCatalogTests
{
    private static readonly string[] Codes = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Every_code_is_described_once_in_code_order()
    {
        DiagnosticCatalog.All.Select(d => d.Code).Should()
            .BeEquivalentTo(Codes)
            .And.BeInAscendingOrder(StringComparer.Ordinal)
            .And.OnlyHaveUniqueItems();
        DiagnosticCatalog.All.Select(d => d.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Each_descriptor_has_one_sentence_and_its_first_reference_as_help()
    {
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            descriptor.Summary.Should().EndWith(".", descriptor.Code).And.NotContain(". ", "one sentence");
            descriptor.HelpLink?.OriginalString.Should().Be(descriptor.References[0], descriptor.Code);
            (descriptor.HelpLink is null).Should().Be(descriptor.References.Count == 0, descriptor.Code);
            descriptor.ToString().Should().Be($"{descriptor.Code} {descriptor.Name}");
        }
    }

    [Fact]
    public void Codes_are_looked_up_by_their_string()
    {
        DiagnosticCatalog.Get(DiagnosticCodes.PerUserMfaDisabled).Name.Should().Be("PerUserMfaDisabled");
        DiagnosticCatalog.TryGet("apw011", out var descriptor).Should().BeTrue();
        descriptor!.Code.Should().Be(DiagnosticCodes.PerUserMfaDisabled);
        DiagnosticCatalog.TryGet("APW999", out _).Should().BeFalse();
        FluentActions.Invoking(() => DiagnosticCatalog.Get("APW999")).Should().Throw<KeyNotFoundException>().WithMessage("*APW999*");
    }

    [Fact]
    public void The_built_in_rules_report_catalog_codes_only_and_the_engine_describes_the_catalog()
    {
        foreach (var rule in BuiltInRules.Create())
        {
            foreach (var descriptor in rule.Descriptors)
            {
                DiagnosticCatalog.Get(descriptor.Code).Should().BeSameAs(descriptor, $"{rule.Id} reports {descriptor.Code} as the catalog declares it");
            }
        }

        new DiagnosticEngine().Catalog.Should().Equal(DiagnosticCatalog.All);
    }
}
