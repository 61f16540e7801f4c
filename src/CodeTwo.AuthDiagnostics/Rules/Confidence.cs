using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>How well a finding is backed.</summary>
public enum Confidence
{
    /// <summary>A Microsoft page states it.</summary>
    Documented = 0,

    /// <summary>
    /// Observed behaviour: community reports or inference, or (catalog v1.2) what the tenant's sign-in log recorded for
    /// the user's legacy sign-ins.
    /// </summary>
    Observed = 1,

    /// <summary>Catalog v1.2: Microsoft's own Conditional Access evaluation (What-If) answered it for this user.</summary>
    Evaluated = 2,
}
