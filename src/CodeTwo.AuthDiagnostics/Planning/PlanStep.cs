namespace CodeTwo.AuthDiagnostics.Planning;

/// <summary>One step of a <see cref="RemediationPlan"/>.</summary>
public sealed record PlanStep
{
    /// <summary>A stable id, the same for the same input (for example <c>enforce-per-user-mfa</c>).</summary>
    public required string Id { get; init; }

    /// <summary>What the step does.</summary>
    public required PlanStepKind Kind { get; init; }

    /// <summary>One line.</summary>
    public required string Title { get; init; }

    /// <summary>Why the step is there, its trade-offs, and what to expect.</summary>
    public required string Explanation { get; init; }

    /// <summary>The codes the step fixes (or, for a verify step, checks).</summary>
    public IReadOnlyList<string> Fixes { get; init; } = [];

    /// <summary>Steps that must be complete first.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>How much the step can hurt.</summary>
    public Risk Risk { get; init; }

    /// <summary>Whether a person must approve the step before it runs (always for <see cref="Planning.Risk.High"/>).</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>The Graph permissions the step needs.</summary>
    public IReadOnlyList<string> RequiredPermissions { get; init; } = [];

    /// <summary>The least-privileged Entra role that may perform the step.</summary>
    public string? RequiredRole { get; init; }

    /// <summary>For <see cref="PlanStepKind.Graph"/> steps: the request.</summary>
    public GraphRequest? Request { get; init; }

    /// <summary>For <see cref="PlanStepKind.Graph"/> steps: the request that undoes it, or <see langword="null"/> (see <see cref="RollbackUnavailableReason"/>).</summary>
    public GraphRequest? Rollback { get; init; }

    /// <summary>Why a Graph step has no rollback.</summary>
    public string? RollbackUnavailableReason { get; init; }

    /// <summary>For <see cref="PlanStepKind.Graph"/> steps that change a captured value: the drift check.</summary>
    public StepCheck? Check { get; init; }

    /// <summary>For <see cref="PlanStepKind.Manual"/> steps: what to do.</summary>
    public string? Instructions { get; init; }

    /// <summary>For <see cref="PlanStepKind.Manual"/> steps: where to do it.</summary>
    public string? PortalUrl { get; init; }

    /// <summary>
    /// For <see cref="PlanStepKind.Manual"/> steps that change a setting no Graph API reaches (Exchange Online): the exact
    /// command to run (Exchange Online PowerShell).
    /// </summary>
    public string? Command { get; init; }

    /// <summary>For steps with a <see cref="Command"/>: the command that restores the captured value.</summary>
    public string? RollbackCommand { get; init; }

    /// <summary>For <see cref="PlanStepKind.Wait"/> steps: how long.</summary>
    public int? WaitMinutes { get; init; }

    /// <summary>For simulation (counterfactual, in-memory tenant): the change a manual step makes, as the equivalent request.</summary>
    internal GraphRequest? SimulatedEffect { get; init; }
}
