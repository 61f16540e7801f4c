using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>What a finding is about.</summary>
public enum FindingKind
{
    /// <summary>Whether the App password option is offered.</summary>
    Availability = 0,

    /// <summary>Whether sign-ins with an app password will work.</summary>
    Usability = 1,

    /// <summary>Why things are as they are (no change needed).</summary>
    Explanation = 2,

    /// <summary>Advice that goes with the plan.</summary>
    Advisory = 3,

    /// <summary>Missing or uninterpretable data, or a rule that failed.</summary>
    Data = 4,
}
