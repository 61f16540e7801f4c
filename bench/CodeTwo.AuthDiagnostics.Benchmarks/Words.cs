

namespace CodeTwo.AuthDiagnostics.Benchmarks;

/// <summary>Reads every word of a diagnosis (what a renderer reads), so that benchmarks pay for the text built on demand.</summary>
internal static class Words
{
    public static int Read(Diagnosis diagnosis)
    {
        int length = 0;
        foreach (var finding in diagnosis.Findings)
        {
            length += finding.Title.Length + finding.Explanation.Length;
            foreach (var evidence in finding.Evidence)
            {
                length += evidence.Path.Length + (evidence.ActualJson?.Length ?? 0) + evidence.Expected.Length;
            }
        }

        foreach (var step in diagnosis.Plan.Steps)
        {
            length += step.Title.Length + step.Explanation.Length + (step.Instructions?.Length ?? 0) + (step.Request?.Body?.Length ?? 0);
        }

        return length + diagnosis.Counterfactual.Summary.Length;
    }
}
