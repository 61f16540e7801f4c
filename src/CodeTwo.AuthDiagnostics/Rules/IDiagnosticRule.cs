namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// A diagnostic rule: plain compiled code over the indexed snapshot that decides its codes once and reports facts
/// (code, subject, static words and their state) through <see cref="RuleContext"/>. The same call serves
/// <c>Assess</c> (bits only), <c>Diagnose</c> (findings with words) and the counterfactual (after the plan's
/// <see cref="RuleContext.Changes"/>). Implementations must be stateless and thread-safe (one instance serves every
/// user); a rule that throws is reported as APW099.
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
///     public void Evaluate(ref RuleContext context)
///     {
///         string upn = context.User!.User.UserPrincipalName;
///         if (!upn.StartsWith("svc-", StringComparison.OrdinalIgnoreCase))
///             context.Report("HOST001", upn, static upn =&gt; new FindingText($"{upn} is not a service account", "…", []));
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

    /// <summary>Decides the rule's codes for the user of <paramref name="context"/> and reports them there.</summary>
    /// <param name="context">The snapshot, the user, the changes to assume and where to report.</param>
    void Evaluate(ref RuleContext context);
}
