namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// The answer for one user. The values are ordered by the catalog's precedence, so comparing two verdicts compares
/// them: <see cref="Unavailable"/> &gt; <see cref="Indeterminate"/> &gt; <see cref="Unusable"/> &gt; <see cref="Available"/>.
/// </summary>
/// <remarks>
/// The verdict of a user is the highest that any of its findings drives: an availability blocker makes it
/// <see cref="Unavailable"/> whatever else holds; missing data makes it <see cref="Indeterminate"/> unless an
/// availability blocker was found; a usability blocker makes it <see cref="Unusable"/> only when nothing above holds.
/// The worst of several users is their maximum (<c>verdicts.Max()</c>), and sorting by verdict puts the users most in
/// need of a change last (or first, descending).
/// </remarks>
/// <example>
/// <code>
/// Verdict worst = diagnostics.AssessAll(snapshot, ct).Max(a => a.Verdict);
/// bool needsWork = diagnosis.Verdict > Verdict.Available;
/// </code>
/// </example>
public enum Verdict
{
    /// <summary>The option is offered and no captured fact blocks app-password sign-ins (lowest precedence).</summary>
    Available = 0,

    /// <summary>No availability blocker, but a usability blocker: an app password can be created, and sign-ins with it will fail.</summary>
    Unusable = 1,

    /// <summary>No availability blocker found, but data a check needs is missing or cannot be interpreted.</summary>
    Indeterminate = 2,

    /// <summary>An availability blocker holds: the App password option is not offered (highest precedence).</summary>
    Unavailable = 3,
}
