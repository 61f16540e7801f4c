using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics;

/// <summary>What a plan step does.</summary>
public enum PlanStepKind
{
    /// <summary>Sends one Microsoft Graph request.</summary>
    Graph = 0,

    /// <summary>A person does something (in a portal, or the user at Security info); the runner waits for confirmation.</summary>
    Manual = 1,

    /// <summary>Waits for changes to propagate.</summary>
    Wait = 2,

    /// <summary>Captures again, diagnoses again, and succeeds when the step's codes are gone.</summary>
    Verify = 3,
}
