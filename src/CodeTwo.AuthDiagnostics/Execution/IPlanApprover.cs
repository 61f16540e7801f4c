using CodeTwo.AuthDiagnostics.Planning;

namespace CodeTwo.AuthDiagnostics.Execution;

/// <summary>Decides whether a step that requires approval may run (a prompt, a ticket, a policy).</summary>
public interface IPlanApprover
{
    /// <summary>True to run <paramref name="step"/>; false stops the run with <see cref="PlanRunStatus.Refused"/>.</summary>
    /// <param name="step">The step (its explanation states the trade-off).</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    ValueTask<bool> ApproveAsync(PlanStep step, CancellationToken cancellationToken);
}

/// <summary>Ready-made approvers.</summary>
public static class PlanApprovers
{
    /// <summary>Refuses every step that needs approval (the default).</summary>
    public static IPlanApprover None { get; } = new Fixed(_ => false);

    /// <summary>Approves every step.</summary>
    public static IPlanApprover All { get; } = new Fixed(_ => true);

    /// <summary>Approves only the steps with these ids.</summary>
    /// <param name="stepIds">Approved step ids.</param>
    public static IPlanApprover Steps(params string[] stepIds)
    {
        var approved = new HashSet<string>(stepIds, StringComparer.Ordinal);
        return new Fixed(step => approved.Contains(step.Id));
    }

    /// <summary>Asks a delegate.</summary>
    /// <param name="approve">The decision.</param>
    public static IPlanApprover From(Func<PlanStep, CancellationToken, ValueTask<bool>> approve)
    {
        ArgumentNullException.ThrowIfNull(approve);
        return new Delegating(approve);
    }

    private sealed class Fixed(Func<PlanStep, bool> decide) : IPlanApprover
    {
        public ValueTask<bool> ApproveAsync(PlanStep step, CancellationToken cancellationToken) => ValueTask.FromResult(decide(step));
    }

    private sealed class Delegating(Func<PlanStep, CancellationToken, ValueTask<bool>> approve) : IPlanApprover
    {
        public ValueTask<bool> ApproveAsync(PlanStep step, CancellationToken cancellationToken) => approve(step, cancellationToken);
    }
}
