
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;

namespace CodeTwo.AuthDiagnostics.Tests.Rules;

/// <summary>Evidence says where in the snapshot a fact is and what is there; this holds for every finding of every fixture.</summary>
public sealed class EvidencePointerTests
{
    public static TheoryData<string> Files => new(Fixture.AllNames);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_evidence_pointer_leads_to_the_value_it_reports(string file)
    {
        var fixture = Fixture.Load(file);
        var document = fixture.Root;
        var options = new AuthDiagnosticsOptions { LegacyProtocols = LegacyProtocols.ExchangeActiveSync };

        foreach (var engine in new[] { new DiagnosticEngine(), new DiagnosticEngine(options) })
        {
            foreach (var diagnosis in engine.DiagnoseAll(fixture.Snapshot()))
            {
                foreach (var finding in diagnosis.Findings)
                {
                    FindingAssertions.EvidenceShouldAgree(finding, document);
                }
            }
        }
    }
}
