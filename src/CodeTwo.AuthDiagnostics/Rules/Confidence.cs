using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>How well a finding is backed.</summary>
public enum Confidence
{
    /// <summary>A Microsoft page states it.</summary>
    Documented = 0,

    /// <summary>Observed behaviour, community reports or inference.</summary>
    Observed = 1,
}
