namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// A diagnostic rule: plain compiled code over the indexed snapshot. Implementations must be stateless and
/// thread-safe (one instance serves every diagnosis) and report through <see cref="RuleContext.Report"/>.
/// </summary>
/// <example>
/// <code>
/// sealed class ServiceAccountNamingRule : IDiagnosticRule
/// {
///     static readonly DiagnosticDescriptor Descriptor = new("HOST001", "ServiceAccountName", Severity.Info, FindingKind.Advisory, Confidence.Observed, "The product's account is not named svc-*.");
///     public string Id =&gt; "host.service-account-name";
///     public IReadOnlyList&lt;DiagnosticDescriptor&gt; Descriptors =&gt; [Descriptor];
///     public RuleStage Stage =&gt; RuleStage.Facts;
///     public bool NeedsUser =&gt; true;
///     public void Evaluate(RuleContext context)
///     {
///         if (!context.User!.User.UserPrincipalName.StartsWith("svc-", StringComparison.OrdinalIgnoreCase))
///             context.Report("HOST001", () => new FindingText("Service account is not named svc-*", "…", []));
///     }
/// }
/// </code>
/// </example>
internal interface IDiagnosticRule
{
    /// <summary>A stable identifier of the rule (shown when the rule fails).</summary>
    string Id { get; }

    /// <summary>The codes this rule can report (a built-in rule's come from <see cref="DiagnosticCatalog"/>).</summary>
    IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    /// <summary>When the rule runs.</summary>
    RuleStage Stage { get; }

    /// <summary>Whether the rule needs the user to be in the snapshot (it is skipped for an unknown user).</summary>
    bool NeedsUser { get; }

    /// <summary>Evaluates the rule for the user of <paramref name="context"/>.</summary>
    /// <param name="context">The snapshot, the user and where to report.</param>
    void Evaluate(RuleContext context);
}
