using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics;

/// <summary>Another way to reach the goal, outside the plan.</summary>
/// <param name="Title">One line.</param>
/// <param name="Description">What it takes and why.</param>
/// <param name="Url">Where to read more.</param>
public sealed record Alternative(string Title, string Description, string Url);
