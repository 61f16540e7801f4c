using System.Text.Json.Nodes;

using CodeTwo.AuthDiagnostics.Rules;
using DiagnosisResult = CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>The assertions every "fires" case of the catalog makes.</summary>
public static class FindingAssertions
{
    /// <summary>The evidence path the catalog reserves for facts that are not in the snapshot (host options, rule failures).</summary>
    public const string HostEvidence = "/";

    /// <summary>
    /// Asserts that <paramref name="code"/> fired once with the catalog's severity and kind, the expected root-cause flag,
    /// evidence at <paramref name="evidencePath"/> that agrees with the snapshot document, and an explanation that names
    /// every string of <paramref name="named"/> (the user, the policy).
    /// </summary>
    public static Finding ShouldFire(this DiagnosisResult diagnosis, Fixture fixture, string code, Severity severity, FindingKind kind, bool rootCause, string evidencePath, params string[] named)
    {
        var finding = diagnosis.Single(code);
        finding.Severity.Should().Be(severity, code);
        finding.Kind.Should().Be(kind, code);
        finding.RootCause.Should().Be(rootCause, $"{code} root cause with verdict {diagnosis.Verdict}");
        finding.Evidence.Select(e => e.Path).Should().Contain(evidencePath);
        foreach (string name in named)
        {
            finding.Explanation.Should().Contain(name, $"the explanation of {code} names it");
        }

        finding.References.Where(r => !r.StartsWith("https://", StringComparison.Ordinal)).Should().BeEmpty("references are absolute URLs");
        if (code != DiagnosticCodes.RuleFailed)
        {
            finding.References.Should().NotBeEmpty($"every catalog finding cites the pages behind it ({code})");
        }

        EvidenceShouldAgree(finding, fixture.Root);
        return finding;
    }

    /// <summary>Asserts that no finding has <paramref name="code"/>.</summary>
    public static void ShouldNotFire(this DiagnosisResult diagnosis, string code) =>
        diagnosis.Findings.Select(f => f.Code).Should().NotContain(code);

    /// <summary>Every evidence pointer of <paramref name="finding"/> leads into <paramref name="document"/>, and its actual value is what is there.</summary>
    public static void EvidenceShouldAgree(Finding finding, JsonNode document)
    {
        finding.Evidence.Should().NotBeEmpty($"{finding.Code} carries evidence");
        foreach (var evidence in finding.Evidence)
        {
            evidence.Expected.Should().NotBeNullOrWhiteSpace();
            if (evidence.Path == HostEvidence)
            {
                continue;
            }

            string because = $"{finding.Code} evidence {evidence.Path} (actual {evidence.ActualJson ?? "null"})";
            if (evidence.ActualJson is null)
            {
                Pointer.TryResolve(document, Pointer.Parent(evidence.Path), out _).Should().BeTrue($"the container of {because} exists");
                continue;
            }

            Pointer.TryResolve(document, evidence.Path, out var found).Should().BeTrue($"{because} points into the snapshot");
            Pointer.Agrees(found, JsonNode.Parse(evidence.ActualJson)).Should().BeTrue($"{because} is what the snapshot holds there ({found?.ToJsonString() ?? "null"})");
        }
    }
}
