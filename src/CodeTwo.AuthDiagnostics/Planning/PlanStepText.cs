namespace CodeTwo.AuthDiagnostics.Planning;

/// <summary>
/// The words of a plan step: title, explanation and instructions. The planner hands them over as a function for the
/// steps a plan repeats per policy, so they are built when first read (for example by a renderer), once.
/// </summary>
/// <param name="Title">One line.</param>
/// <param name="Explanation">Why the step is needed and what it costs.</param>
/// <param name="Instructions">For manual steps: what a person does.</param>
internal sealed record PlanStepText(string Title, string Explanation, string? Instructions)
{
    /// <summary>No words.</summary>
    public static PlanStepText Empty { get; } = new(string.Empty, string.Empty, null);
}
