using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// The smallest set of the plan's changes after which the verdict becomes <see cref="Verdict.Available"/>, found by
/// applying the changes to the snapshot and running the rules again.
/// </summary>
public sealed class Counterfactual
{
    private CounterfactualText? text;
    private Func<CounterfactualText>? explain;

    /// <summary>Whether applying <see cref="Changes"/> makes the verdict <see cref="Verdict.Available"/>.</summary>
    public bool ReachesAvailable { get; internal init; }

    /// <summary>The verdict after applying <see cref="Changes"/>.</summary>
    public Verdict ResultingVerdict { get; internal init; }

    /// <summary>The plan step ids whose changes are needed (a minimal set when <see cref="ReachesAvailable"/>).</summary>
    public IReadOnlyList<string> Changes { get; internal init; } = [];

    /// <summary>One line per change, in words.</summary>
    public IReadOnlyList<string> Descriptions
    {
        get => Text.Descriptions;
        internal init => text = Text with { Descriptions = value };
    }

    /// <summary>Blocker and data codes that remain after the changes (what the plan cannot fix).</summary>
    public IReadOnlyList<string> Remaining { get; internal init; } = [];

    /// <summary>A sentence: "available once: …" or what stays in the way.</summary>
    public string Summary
    {
        get => Text.Summary;
        internal init => text = Text with { Summary = value };
    }

    internal Counterfactual()
    {
    }

    /// <summary>A counterfactual whose words (descriptions and summary) <paramref name="explain"/> builds on first read.</summary>
    internal Counterfactual(Func<CounterfactualText> explain)
    {
        this.explain = explain;
    }

    private CounterfactualText Text => OnFirstRead.Get(ref text, ref explain, CounterfactualText.Empty);
}

/// <summary>The words of a <see cref="Counterfactual"/>: one line per change, and the summary sentence.</summary>
/// <param name="Descriptions">One line per change.</param>
/// <param name="Summary">The sentence.</param>
internal sealed record CounterfactualText(IReadOnlyList<string> Descriptions, string Summary)
{
    /// <summary>No words.</summary>
    public static CounterfactualText Empty { get; } = new([], string.Empty);
}
