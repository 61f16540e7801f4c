using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>Base of the built-in rules: descriptors from <see cref="DiagnosticCatalog"/>, facts stage, user needed unless said otherwise.</summary>
internal abstract class CatalogRule : IDiagnosticRule
{
    public abstract string Id { get; }

    public abstract IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    public virtual RuleStage Stage => RuleStage.Facts;

    public virtual bool NeedsUser => true;

    public abstract void Evaluate(ref RuleContext context);
}
