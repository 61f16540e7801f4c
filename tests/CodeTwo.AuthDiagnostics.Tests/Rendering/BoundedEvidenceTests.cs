using System.Text.Json.Nodes;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Testing;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Rendering;

/// <summary>
/// Issue #19: a finding lists at most 20 evidence items and counts the rest, whatever the rule built (APW070 names every
/// enabled policy of the tenant), and every renderer says how many it left out.
/// </summary>
public sealed class BoundedEvidenceTests
{
    private static readonly Lazy<GeneratedTenant> Tenant = new(() => LargeTenantGenerator.Generate(users: 40, policies: 120));

    [Fact]
    public void No_finding_lists_more_than_20_evidence_items_and_APW070_counts_the_rest()
    {
        var snapshot = Tenant.Value.Snapshot;
        var bounded = snapshot.Users.Take(40)
            .SelectMany(u => Diagnose.User(snapshot, u.User.UserPrincipalName).Findings)
            .ToList();

        bounded.Should().OnlyContain(f => f.Evidence.Count <= 20);
        bounded.Should().OnlyContain(f => f.EvidenceOmitted == 0 || f.Evidence.Count == 20, "a finding is cut only once it lists 20");
        bounded.Where(f => f.Code == DiagnosticCodes.PerUserMfaMixedWithConditionalAccess).Should().NotBeEmpty()
            .And.OnlyContain(f => f.EvidenceOmitted > 0, "APW070 lists every enabled policy of a tenant with 120");
    }

    [Fact]
    public void Json_text_Markdown_and_SARIF_say_how_many_items_are_left_out()
    {
        var snapshot = Tenant.Value.Snapshot;
        var diagnosis = snapshot.Users.Select(u => Diagnose.User(snapshot, u.User.UserPrincipalName))
            .First(d => d.Findings.Any(f => f.EvidenceOmitted > 0));
        var finding = diagnosis.Findings.First(f => f.EvidenceOmitted > 0);
        string more = $"… and {finding.EvidenceOmitted} more";

        var json = JsonNode.Parse(DiagnosisJson.Render(diagnosis))!["findings"]!.AsArray()
            .First(f => f!["code"]!.GetValue<string>() == finding.Code && f["evidenceOmitted"] is not null)!;
        json["evidence"]!.AsArray().Should().HaveCount(20);
        json["evidenceOmitted"]!.GetValue<int>().Should().Be(finding.EvidenceOmitted);
        DiagnosisText.Render(diagnosis).Should().Contain(more);
        DiagnosisMarkdown.Render(diagnosis).Should().Contain(more);
        var result = JsonNode.Parse(DiagnosisSarif.Render(diagnosis))!["runs"]![0]!["results"]!.AsArray()
            .First(r => r!["ruleId"]!.GetValue<string>() == finding.Code && r["properties"]!["evidenceOmitted"] is not null)!;
        result["properties"]!["evidenceOmitted"]!.GetValue<int>().Should().Be(finding.EvidenceOmitted);
        result["message"]!["text"]!.GetValue<string>().Should().Contain(more);
    }

    [Fact]
    public void Documents_of_findings_with_all_their_evidence_have_no_evidenceOmitted_member()
    {
        string json = DiagnosisJson.Render(Diagnose.User(Fixture.Load("seed-security-defaults.json")));

        json.Should().NotContain("evidenceOmitted");
    }
}
