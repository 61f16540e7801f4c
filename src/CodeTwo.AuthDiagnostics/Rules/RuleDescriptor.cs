
namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>What the catalog says about one code: its name, default severity and kind, and the pages behind it.</summary>
/// <param name="Code">The code, for example <c>APW011</c>.</param>
/// <param name="Name">The name, for example <c>PerUserMfaDisabled</c>.</param>
/// <param name="Severity">The default severity (hosts can re-grade it through options).</param>
/// <param name="Kind">What findings with this code are about.</param>
/// <param name="Confidence">How well the rule is backed.</param>
/// <param name="References">Pages that back the rule.</param>
internal sealed record RuleDescriptor(string Code, string Name, Severity Severity, FindingKind Kind, Confidence Confidence, IReadOnlyList<string> References);
