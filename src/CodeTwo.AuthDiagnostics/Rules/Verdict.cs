using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// The answer for one user. Precedence: <see cref="Unavailable"/> &gt; <see cref="Indeterminate"/> &gt;
/// <see cref="Unusable"/> &gt; <see cref="Available"/>.
/// </summary>
public enum Verdict
{
    /// <summary>The option is offered and no captured fact blocks app-password sign-ins.</summary>
    Available = 0,

    /// <summary>An availability blocker holds: the App password option is not offered.</summary>
    Unavailable = 1,

    /// <summary>No availability blocker, but a usability blocker: an app password can be created, and sign-ins with it will fail.</summary>
    Unusable = 2,

    /// <summary>No availability blocker found, but data a check needs is missing or cannot be interpreted.</summary>
    Indeterminate = 3,
}
