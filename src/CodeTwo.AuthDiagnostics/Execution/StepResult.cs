using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>One step's outcome in a run.</summary>
/// <param name="StepId">The step.</param>
/// <param name="Status">What happened.</param>
/// <param name="Message">Details, in plain words.</param>
/// <param name="Request">The request sent (or, in a dry run, that would be sent).</param>
/// <param name="HttpStatus">Graph's final status for the request, when one was sent.</param>
public sealed record StepResult(string StepId, StepStatus Status, string Message, GraphRequest? Request = null, int? HttpStatus = null);
