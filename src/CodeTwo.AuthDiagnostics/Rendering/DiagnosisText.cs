

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>A diagnosis as plain console text (the same layout as <see cref="DiagnosisMarkdown"/>, without markup).</summary>
public static class DiagnosisText
{
    /// <summary>Renders <paramref name="diagnosis"/> as plain text.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    public static string Render(Diagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return DiagnosisDocument.Render(diagnosis, markdown: false);
    }
}
