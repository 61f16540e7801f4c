using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// What SARIF's <c>tool.driver.rules</c> says about each code: the built-in catalog (<see cref="DiagnosticCatalog.All"/>,
/// in code order), each code's summary from its descriptor. A diagnosis does not carry its engine's catalog, so the SARIF
/// log describes the built-in one; a finding whose code is not in it still gets a result.
/// </summary>
internal static class SarifRules
{
    private static readonly Dictionary<string, int> Indexes = DiagnosticCatalog.All
        .Select((d, i) => (d.Code, i))
        .ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

    /// <summary>The index of <paramref name="code"/> in <see cref="DiagnosticCatalog.All"/>, or -1 when the built-in catalog lacks it.</summary>
    public static int IndexOf(string code) => Indexes.TryGetValue(code, out int index) ? index : -1;

    /// <summary>The summary, then what the code's findings are about, its default severity and how well it is backed.</summary>
    public static string Description(DiagnosticDescriptor descriptor) =>
        $"{descriptor.Summary} {KindSentence(descriptor.Kind)} Default severity: {JsonNames.Of(descriptor.DefaultSeverity)}. {ConfidenceSentence(descriptor.Confidence)}";

    /// <summary>The SARIF level of a severity: blocker is error, warning is warning, info is note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Blocker => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string KindSentence(FindingKind kind) => kind switch
    {
        FindingKind.Availability => "Its findings decide whether the App password option is offered.",
        FindingKind.Usability => "Its findings decide whether sign-ins with an app password work.",
        FindingKind.Explanation => "Its findings explain why things are as they are; no change is needed.",
        FindingKind.Advisory => "Its findings are advice that goes with the plan.",
        _ => "Its findings report missing or uninterpretable data, or a rule that failed.",
    };

    private static string ConfidenceSentence(Confidence confidence) => confidence switch
    {
        Confidence.Documented => "Backed by Microsoft documentation.",
        Confidence.Evaluated => "Backed by Microsoft's own Conditional Access evaluation (What-If) for the user.",
        _ => "Backed by observed behaviour, community reports or inference.",
    };
}
