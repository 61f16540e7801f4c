namespace CodeTwo.AuthDiagnostics.Planning;

/// <summary>
/// How to tell, before a write, whether the tenant still holds what the snapshot captured (else it drifted) or
/// already holds the desired value (then the step is already satisfied).
/// </summary>
/// <param name="ReadUrl">The absolute URL that reads the target.</param>
/// <param name="Property">The property of the response to compare, as a dotted path (<c>conditions.users.excludeUsers</c>).</param>
/// <param name="CapturedJson">The value in the snapshot, as JSON.</param>
/// <param name="DesiredJson">The value after the step, as JSON.</param>
public sealed record StepCheck(string ReadUrl, string Property, string CapturedJson, string DesiredJson);
