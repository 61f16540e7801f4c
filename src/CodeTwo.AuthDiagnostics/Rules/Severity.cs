using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>How much a finding matters. Only blockers drive the verdict.</summary>
public enum Severity
{
    /// <summary>Context worth knowing.</summary>
    Info = 0,

    /// <summary>Something that may matter, depending on circumstances the snapshot cannot show.</summary>
    Warning = 1,

    /// <summary>Something that stops app passwords from being offered or from working.</summary>
    Blocker = 2,
}
