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
    /// <summary>No text.</summary>
    public static FindingText Empty { get; } = new(string.Empty, string.Empty, []);
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
