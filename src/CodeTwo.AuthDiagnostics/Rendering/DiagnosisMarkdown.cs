

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>A diagnosis as Markdown: verdict first, root causes with evidence, then the plan as numbered steps with the exact requests and rollbacks.</summary>
public static class DiagnosisMarkdown
{
    /// <summary>Renders <paramref name="diagnosis"/> as Markdown.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    public static string Render(Diagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return DiagnosisDocument.Render(diagnosis, markdown: true);
    }
}
