namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>One result of one rule for one user.</summary>
public sealed class Finding
{
    /// <summary>The catalog code, for example <c>APW011</c>.</summary>
    public string Code { get; internal init; } = string.Empty;

    /// <summary>The catalog name, for example <c>PerUserMfaDisabled</c>.</summary>
    public string Name { get; internal init; } = string.Empty;

    /// <summary>The severity (after any re-grading by the host's options).</summary>
    public Severity Severity { get; internal init; }

    /// <summary>What the finding is about.</summary>
    public FindingKind Kind { get; internal init; }

    /// <summary>One line.</summary>
    public string Title { get; internal init; } = string.Empty;

    /// <summary>Plain language; names the user and the policy involved.</summary>
    public string Explanation { get; internal init; } = string.Empty;

    /// <summary>True for the findings that, once fixed, make the verdict move.</summary>
    public bool RootCause { get; internal init; }

    /// <summary>The facts behind the finding.</summary>
    public IReadOnlyList<Evidence> Evidence { get; internal init; } = [];

    /// <summary>Pages that back the finding.</summary>
    public IReadOnlyList<string> References { get; internal init; } = [];

    /// <summary>How well the finding is backed.</summary>
    public Confidence Confidence { get; internal init; }

    /// <summary>For findings about a Conditional Access policy: its id.</summary>
    public string? PolicyId { get; internal init; }

    /// <summary>
    /// For data findings about a section that was not captured: the Graph permissions that read it. The planner grants
    /// these in the plan of an indeterminate verdict; the evidence names them for people.
    /// </summary>
    internal IReadOnlyList<string> RequiredPermissions { get; init; } = [];

    internal Finding()
    {
    }

    /// <summary>A copy of <paramref name="other"/>, for the library's non-destructive changes.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    internal Finding(Finding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Code = other.Code;
        Name = other.Name;
        Severity = other.Severity;
        Kind = other.Kind;
        Title = other.Title;
        Explanation = other.Explanation;
        RootCause = other.RootCause;
        Evidence = other.Evidence;
        References = other.References;
        Confidence = other.Confidence;
        PolicyId = other.PolicyId;
        RequiredPermissions = other.RequiredPermissions;
    }
}
