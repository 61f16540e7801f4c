using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>One result of one rule for one user.</summary>
/// <remarks>
/// The title, explanation and evidence are built when one of them is first read, then kept: a host that only looks at
/// codes and the verdict never pays for the words. Reading is thread-safe and always gives the same text.
/// </remarks>
public sealed class Finding
{
    private FindingText? text;
    private FindingWords? words;

    /// <summary>The catalog code, for example <c>APW011</c>.</summary>
    public string Code { get; internal init; } = string.Empty;

    /// <summary>The catalog name, for example <c>PerUserMfaDisabled</c>.</summary>
    public string Name { get; internal init; } = string.Empty;

    /// <summary>The severity (after any re-grading by the host's options).</summary>
    public Severity Severity { get; internal init; }

    /// <summary>What the finding is about.</summary>
    public FindingKind Kind { get; internal init; }

    /// <summary>One line.</summary>
    public string Title
    {
        get => Text.Title;
        internal init => text = Text with { Title = value };
    }

    /// <summary>Plain language; names the user and the policy involved.</summary>
    public string Explanation
    {
        get => Text.Explanation;
        internal init => text = Text with { Explanation = value };
    }

    /// <summary>True for the findings that, once fixed, make the verdict move.</summary>
    public bool RootCause { get; internal set; } // set by the engine before the finding is published, never after

    /// <summary>
    /// The host's acceptance that covers this finding (<see cref="AuthDiagnosticsOptions.AcceptedRisks"/>), in force on
    /// the capture date; <see langword="null"/> when the finding is not accepted. An accepted finding is never a root
    /// cause and drives neither the verdict nor the plan.
    /// </summary>
    public AcceptedRisk? Acceptance { get; internal set; } // set by the engine before the finding is published, never after

    /// <summary>The facts behind the finding.</summary>
    public IReadOnlyList<Evidence> Evidence
    {
        get => Text.Evidence;
        internal init => text = (Text with { Evidence = value, EvidenceOmitted = 0 }).Bounded();
    }

    /// <summary>
    /// How many evidence items <see cref="Evidence"/> leaves out: a finding lists at most 20 (for example the first 20
    /// of every enabled Conditional Access policy) and counts the rest here; 0 when it lists them all.
    /// </summary>
    public int EvidenceOmitted => Text.EvidenceOmitted;

    /// <summary>Pages that back the finding.</summary>
    public IReadOnlyList<string> References { get; internal init; } = [];

    /// <summary>How well the finding is backed.</summary>
    public Confidence Confidence { get; internal init; }

    /// <summary>
    /// Whether <see cref="Confidence"/> comes from this finding's own evidence (the sign-in log or Microsoft's What-If,
    /// catalog v1.2) rather than from its code's descriptor: the text and Markdown reports then say so.
    /// </summary>
    internal bool ConfidenceFromEvidence { get; init; }

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

    /// <summary>A finding whose words <paramref name="words"/> builds on first read.</summary>
    internal Finding(FindingWords words)
    {
        this.words = words;
    }

    /// <summary>A finding whose words a closure builds on first read.</summary>
    internal Finding(Func<FindingText> explain)
        : this(new FindingWords<Func<FindingText>>(explain, static explain => explain()))
    {
    }

    private FindingText Text => OnFirstRead.Get(ref text, ref words, FindingText.Empty, static w => w.Build().Bounded(), this, static (finding, e) => finding.Failed(e));

    /// <summary>A copy of <paramref name="other"/>, for the library's non-destructive changes.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    internal Finding(Finding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Code = other.Code;
        Name = other.Name;
        Severity = other.Severity;
        Kind = other.Kind;
        text = Volatile.Read(ref other.text);
        words = text is null ? other.words : null;
        RootCause = other.RootCause;
        Acceptance = other.Acceptance;
        References = other.References;
        Confidence = other.Confidence;
        ConfidenceFromEvidence = other.ConfidenceFromEvidence;
        PolicyId = other.PolicyId;
        RequiredPermissions = other.RequiredPermissions;
    }

    /// <summary>The words of a finding whose builder failed: they say so (the code and verdict stand).</summary>
    private FindingText Failed(Exception e) => new(
        $"{Code} {Name}",
        $"The explanation of {Code} could not be built ({e.GetType().Name}: {e.Message}); the code, its severity and the verdict are unaffected.",
        []);
}
