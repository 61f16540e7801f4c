using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>The host's rule policy: which built-in codes are off, which are re-graded.</summary>
public sealed class RuleOptions
{
    private readonly HashSet<string> disabled = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Severity> severities = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IDiagnosticRule> added = [];

    /// <summary>The disabled codes.</summary>
    public IReadOnlyCollection<string> DisabledCodes => disabled;

    /// <summary>The re-graded codes.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides => severities;

    /// <summary>Extra rules (the library's tests; rule extensibility is not part of the 1.0 API).</summary>
    internal IReadOnlyList<IDiagnosticRule> AddedRules => added;

    /// <summary>Stops findings with <paramref name="code"/> from being reported.</summary>
    /// <param name="code">A catalog code such as <c>APW040</c>.</param>
    public RuleOptions Disable(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        disabled.Add(code);
        return this;
    }

    /// <summary>Reports findings with <paramref name="code"/> at <paramref name="severity"/> (a blocker drives the verdict; anything else does not).</summary>
    /// <param name="code">A catalog code.</param>
    /// <param name="severity">The new severity.</param>
    public RuleOptions SetSeverity(string code, Severity severity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        severities[code] = severity;
        return this;
    }

    /// <summary>Adds a host rule.</summary>
    /// <param name="rule">The rule (stateless, thread-safe).</param>
    internal RuleOptions Add(IDiagnosticRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        added.Add(rule);
        return this;
    }
}
