namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>One result of one rule for one user.</summary>
public sealed record Finding
{
    /// <summary>The catalog code, for example <c>APW011</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The catalog name, for example <c>PerUserMfaDisabled</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The severity (after any re-grading by the host's options).</summary>
    public required Severity Severity { get; init; }

    /// <summary>What the finding is about.</summary>
    public required FindingKind Kind { get; init; }

    /// <summary>One line.</summary>
    public required string Title { get; init; }

    /// <summary>Plain language; names the user and the policy involved.</summary>
    public required string Explanation { get; init; }

    /// <summary>True for the findings that, once fixed, make the verdict move.</summary>
    public bool RootCause { get; init; }

    /// <summary>The facts behind the finding.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Pages that back the finding.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>How well the finding is backed.</summary>
    public Confidence Confidence { get; init; }

    /// <summary>For findings about a Conditional Access policy: its id.</summary>
    public string? PolicyId { get; init; }

    /// <summary>
    /// For data findings about a section that was not captured: the Graph permissions that read it. The planner grants
    /// these in the plan of an indeterminate verdict; the evidence names them for people.
    /// </summary>
    internal IReadOnlyList<string> RequiredPermissions { get; init; } = [];
}
