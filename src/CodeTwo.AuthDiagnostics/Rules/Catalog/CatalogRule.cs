using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>Base of the built-in rules: descriptors declared once, facts stage, user needed unless said otherwise.</summary>
internal abstract class CatalogRule : IDiagnosticRule
{
    public abstract string Id { get; }

    public abstract IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public virtual RuleStage Stage => RuleStage.Facts;

    public virtual bool NeedsUser => true;

    public abstract void Evaluate(RuleContext context);

    protected static RuleDescriptor Describe(string code, string name, Severity severity, FindingKind kind, Confidence confidence, params string[] references) =>
        new(code, name, severity, kind, confidence, references);
}
