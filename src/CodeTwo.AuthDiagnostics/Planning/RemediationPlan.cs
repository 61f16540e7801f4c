using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics;

/// <summary>The ordered, deterministic change that makes App password available and usable. The same input always yields the same plan.</summary>
public sealed class RemediationPlan
{
    /// <summary>An empty plan.</summary>
    public static RemediationPlan Empty { get; } = new();

    /// <summary>The steps, in the order to run them (each step's <see cref="PlanStep.DependsOn"/> precede it).</summary>
    public IReadOnlyList<PlanStep> Steps { get; internal init; } = [];

    /// <summary>Advisory codes that go with the plan.</summary>
    public IReadOnlyList<string> Advisories { get; internal init; } = [];

    /// <summary>Other ways to the goal.</summary>
    public IReadOnlyList<Alternative> Alternatives { get; internal init; } = [];

    /// <summary>The step with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">A step id.</param>
    public PlanStep? FindStep(string id) => Steps.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    internal RemediationPlan()
    {
    }

    /// <summary>A copy of <paramref name="other"/>, for the library's non-destructive changes.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    internal RemediationPlan(RemediationPlan other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Steps = other.Steps;
        Advisories = other.Advisories;
        Alternatives = other.Alternatives;
    }
}
