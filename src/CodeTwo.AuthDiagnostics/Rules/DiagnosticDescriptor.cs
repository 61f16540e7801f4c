using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// What the catalog says about one diagnostic code, declared once (<see cref="DiagnosticCatalog"/>): its name, default
/// severity and kind, how well it is backed, one sentence that says what it means, and the pages behind it. Findings,
/// SARIF rules and the documentation all read it from here. Immutable.
/// </summary>
public sealed class DiagnosticDescriptor
{
    /// <summary>Describes a code.</summary>
    /// <param name="code">The code, for example <c>APW011</c>.</param>
    /// <param name="name">The name, for example <c>PerUserMfaDisabled</c>.</param>
    /// <param name="defaultSeverity">The severity unless the host re-grades the code.</param>
    /// <param name="kind">What findings with this code are about.</param>
    /// <param name="confidence">How well the code is backed.</param>
    /// <param name="summary">One sentence that says what the code means.</param>
    /// <param name="references">Pages that back the code; the first one is its <see cref="HelpLink"/>.</param>
    internal DiagnosticDescriptor(string code, string name, Severity defaultSeverity, FindingKind kind, Confidence confidence, string summary, params string[] references)
    {
        Code = code;
        Name = name;
        DefaultSeverity = defaultSeverity;
        Kind = kind;
        Confidence = confidence;
        Summary = summary;
        References = Array.AsReadOnly(references);
        HelpLink = references.Length > 0 ? new Uri(references[0], UriKind.Absolute) : null;
    }

    /// <summary>The code, for example <c>APW011</c>.</summary>
    public string Code { get; }

    /// <summary>The name, for example <c>PerUserMfaDisabled</c>.</summary>
    public string Name { get; }

    /// <summary>The severity of the code's findings unless the host re-grades it (some codes are graded by the facts: APW060).</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>What findings with this code are about (and so which verdict they can decide).</summary>
    public FindingKind Kind { get; }

    /// <summary>How well the code is backed.</summary>
    public Confidence Confidence { get; }

    /// <summary>One sentence that says what the code means.</summary>
    public string Summary { get; }

    /// <summary>The first of <see cref="References"/>; <see langword="null"/> when the code has none.</summary>
    public Uri? HelpLink { get; }

    /// <summary>Pages that back the code.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>The code and its name, for example <c>APW011 PerUserMfaDisabled</c>.</summary>
    public override string ToString() => $"{Code} {Name}";
}
