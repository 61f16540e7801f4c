namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// The words of a finding: its title, explanation and evidence. Rules hand them over as a function that builds them,
/// so the engine decides the verdict, the plan and the counterfactual from codes alone, and a finding's text is built
/// once, when it is first read (for example by a renderer).
/// </summary>
/// <param name="Title">One line.</param>
/// <param name="Explanation">Plain language, naming the user and the policy involved.</param>
/// <param name="Evidence">The facts behind the finding.</param>
internal sealed record FindingText(string Title, string Explanation, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>No text.</summary>
    public static FindingText Empty { get; } = new(string.Empty, string.Empty, []);
}
