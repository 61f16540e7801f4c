namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// The words of a finding: its title, explanation and evidence. Rules hand them over as a static function and the state
/// it reads (<see cref="FindingWords"/>), so the engine decides the verdict, the plan and the counterfactual from codes
/// alone, and a finding's text is built once, when it is first read (for example by a renderer).
/// </summary>
/// <param name="Title">One line.</param>
/// <param name="Explanation">Plain language, naming the user and the policy involved.</param>
/// <param name="Evidence">The facts behind the finding.</param>
internal sealed record FindingText(string Title, string Explanation, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>The most evidence items a finding lists; the rest are counted (<see cref="EvidenceOmitted"/>).</summary>
    public const int MaxEvidence = 20;

    /// <summary>No text.</summary>
    public static FindingText Empty { get; } = new(string.Empty, string.Empty, []);

    /// <summary>How many evidence items were left out after the first <see cref="MaxEvidence"/>.</summary>
    public int EvidenceOmitted { get; init; }

    /// <summary>
    /// These words with at most <see cref="MaxEvidence"/> evidence items, the rest counted: one finding's evidence can
    /// otherwise list every enabled policy of the tenant (issue #19). Rules build their lists as they are; the cap is
    /// applied here, once, where a finding gets its words.
    /// </summary>
    public FindingText Bounded() => Evidence.Count <= MaxEvidence
        ? this
        : this with { Evidence = Evidence.Take(MaxEvidence).ToArray(), EvidenceOmitted = EvidenceOmitted + Evidence.Count - MaxEvidence };
}

/// <summary>What builds a finding's words when they are first read: a rule's static words function and the state it reads.</summary>
internal abstract class FindingWords
{
    /// <summary>Builds the words.</summary>
    public abstract FindingText Build();
}

/// <summary>Words about the user or the tenant.</summary>
internal sealed class FindingWords<TState>(TState state, Func<TState, FindingText> words) : FindingWords
{
    public override FindingText Build() => words(state);
}

/// <summary>Words about one Conditional Access policy.</summary>
internal sealed class PolicyFindingWords<TState>(TState state, PolicyFacts policy, Func<TState, PolicyFacts, FindingText> words) : FindingWords
{
    public override FindingText Build() => words(state, policy);
}

/// <summary>Words about a set of Conditional Access policies.</summary>
internal sealed class PoliciesFindingWords<TState>(TState state, IReadOnlyList<PolicyFacts> policies, Func<TState, IReadOnlyList<PolicyFacts>, FindingText> words) : FindingWords
{
    public override FindingText Build() => words(state, policies);
}
