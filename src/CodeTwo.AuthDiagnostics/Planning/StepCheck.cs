using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics;

/// <summary>How a <see cref="StepCheck"/> compares.</summary>
public enum StepCheckKind
{
    /// <summary>The value must equal <see cref="StepCheck.CapturedJson"/> before the write (else the tenant drifted) and equals <see cref="StepCheck.DesiredJson"/> once done.</summary>
    Equals = 0,

    /// <summary>
    /// The value is an instant that the write moves to "now" (for example <c>signInSessionsValidFromDateTime</c> after
    /// <c>revokeSignInSessions</c>). Used only to tell, on resume, whether an interrupted write took effect.
    /// </summary>
    InstantAfterWrite = 1,
}

/// <summary>
/// How to tell, before a write, whether the tenant still holds what the snapshot captured (else it drifted) or
/// already holds the desired value (then the step is already satisfied).
/// </summary>
/// <param name="ReadUrl">The absolute URL that reads the target.</param>
/// <param name="Property">The property of the response to compare, as a dotted path (<c>conditions.users.excludeUsers</c>).</param>
/// <param name="CapturedJson">The value in the snapshot, as JSON.</param>
/// <param name="DesiredJson">The value after the step, as JSON (for <see cref="StepCheckKind.InstantAfterWrite"/>: a description).</param>
/// <param name="Kind">How to compare.</param>
public sealed record StepCheck(string ReadUrl, string Property, string CapturedJson, string DesiredJson, StepCheckKind Kind = StepCheckKind.Equals);
