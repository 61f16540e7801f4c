using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics;

/// <summary>One step of a <see cref="RemediationPlan"/>.</summary>
public sealed class PlanStep
{
    private PlanStepText? text;
    private Func<PlanStepText>? explain;

    /// <summary>A stable id, the same for the same input (for example <c>enforce-per-user-mfa</c>).</summary>
    public string Id { get; internal init; } = string.Empty;

    /// <summary>What the step does.</summary>
    public PlanStepKind Kind { get; internal init; }

    /// <summary>One line.</summary>
    public string Title
    {
        get => Text.Title;
        internal init => text = Text with { Title = value };
    }

    /// <summary>Why the step is there, its trade-offs, and what to expect.</summary>
    public string Explanation
    {
        get => Text.Explanation;
        internal init => text = Text with { Explanation = value };
    }

    /// <summary>The codes the step fixes (or, for a verify step, checks).</summary>
    public IReadOnlyList<string> Fixes { get; internal init; } = [];

    /// <summary>Steps that must be complete first.</summary>
    public IReadOnlyList<string> DependsOn { get; internal init; } = [];

    /// <summary>How much the step can hurt.</summary>
    public Risk Risk { get; internal init; }

    /// <summary>Whether a person must approve the step before it runs (always for <see cref="Risk.High"/>).</summary>
    public bool RequiresApproval { get; internal init; }

    /// <summary>The Graph permissions the step needs.</summary>
    public IReadOnlyList<string> RequiredPermissions { get; internal init; } = [];

    /// <summary>The least-privileged Entra role that may perform the step.</summary>
    public string? RequiredRole { get; internal init; }

    /// <summary>For <see cref="PlanStepKind.Graph"/> steps: the request.</summary>
    public GraphRequest? Request { get; internal init; }

    /// <summary>For <see cref="PlanStepKind.Graph"/> steps: the request that undoes it, or <see langword="null"/> (see <see cref="RollbackUnavailableReason"/>).</summary>
    public GraphRequest? Rollback { get; internal init; }

    /// <summary>Why a Graph step has no rollback.</summary>
    public string? RollbackUnavailableReason { get; internal init; }

    /// <summary>For <see cref="PlanStepKind.Graph"/> steps that change a captured value: the drift check.</summary>
    public StepCheck? Check { get; internal init; }

    /// <summary>For <see cref="PlanStepKind.Manual"/> steps: what to do.</summary>
    public string? Instructions
    {
        get => Text.Instructions;
        internal init => text = Text with { Instructions = value };
    }

    /// <summary>For <see cref="PlanStepKind.Manual"/> steps: where to do it.</summary>
    public string? PortalUrl { get; internal init; }

    /// <summary>
    /// For <see cref="PlanStepKind.Manual"/> steps that change a setting no Graph API reaches (Exchange Online): the exact
    /// command to run (Exchange Online PowerShell).
    /// </summary>
    public string? Command { get; internal init; }

    /// <summary>For steps with a <see cref="Command"/>: the command that restores the captured value.</summary>
    public string? RollbackCommand { get; internal init; }

    /// <summary>For <see cref="PlanStepKind.Wait"/> steps: how long.</summary>
    public int? WaitMinutes { get; internal init; }

    /// <summary>
    /// For <see cref="PlanStepKind.Manual"/> steps that change the tenant: the change, written as the equivalent Graph
    /// request (a JSON merge patch), for simulations such as an in-memory tenant or a dry run against a copy of the
    /// snapshot. Never sent: the step is done by a person. Settings no Graph API holds (Exchange Online's) are patched at
    /// the pseudo-resource <c>/exchangeOnline</c>, whose body merges into the snapshot's <c>exchangeOnline</c> section
    /// value. <see langword="null"/> for other steps and for manual steps with no tenant effect.
    /// </summary>
    public GraphRequest? SimulatedEffect { get; internal init; }

    /// <summary>What <see cref="Request"/> (or <see cref="SimulatedEffect"/>) changes, typed, for the counterfactual.</summary>
    internal StepEffect? Effect { get; init; }

    internal PlanStep()
    {
    }

    /// <summary>A step whose title, explanation and instructions <paramref name="explain"/> builds on first read.</summary>
    internal PlanStep(Func<PlanStepText> explain)
    {
        this.explain = explain;
    }

    private PlanStepText Text => Rules.OnFirstRead.Get(ref text, ref explain, PlanStepText.Empty);

    /// <summary>A copy of <paramref name="other"/>, for the library's non-destructive changes.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    internal PlanStep(PlanStep other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Id = other.Id;
        Kind = other.Kind;
        text = other.text;
        explain = text is null ? other.explain : null;
        Fixes = other.Fixes;
        DependsOn = other.DependsOn;
        Risk = other.Risk;
        RequiresApproval = other.RequiresApproval;
        RequiredPermissions = other.RequiredPermissions;
        RequiredRole = other.RequiredRole;
        Request = other.Request;
        Rollback = other.Rollback;
        RollbackUnavailableReason = other.RollbackUnavailableReason;
        Check = other.Check;
        PortalUrl = other.PortalUrl;
        Command = other.Command;
        RollbackCommand = other.RollbackCommand;
        WaitMinutes = other.WaitMinutes;
        SimulatedEffect = other.SimulatedEffect;
        Effect = other.Effect;
    }
}
