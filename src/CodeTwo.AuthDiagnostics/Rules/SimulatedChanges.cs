namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// The typed changes a set of plan steps makes to one user's view of the snapshot, applied on top of the captured
/// facts (nothing is copied or re-read): the counterfactual's way of asking "and after these steps?". The rules consult
/// them (<see cref="RuleContext.Changes"/>); the planner's step effects make them (<c>Planning/StepEffect</c>).
/// </summary>
internal sealed class SimulatedChanges
{
    internal SimulatedChanges()
    {
    }

    /// <summary>No change.</summary>
    public static SimulatedChanges None { get; } = new();

    /// <summary>Per-user MFA is enforced.</summary>
    public bool PerUserMfaEnforced { get; internal init; }

    /// <summary>The account is enabled.</summary>
    public bool AccountEnabled { get; internal init; }

    /// <summary>Security defaults are off.</summary>
    public bool SecurityDefaultsOff { get; internal init; }

    /// <summary>The tenant allows app passwords.</summary>
    public bool AppPasswordsAllowed { get; internal init; }

    /// <summary>The mailbox's own SMTP AUTH switch is on (not disabled).</summary>
    public bool SmtpMailboxAllowed { get; internal init; }

    /// <summary>The user has an authentication policy that allows Basic SMTP AUTH.</summary>
    public bool SmtpPolicyAllowed { get; internal init; }

    /// <summary>The ids of the Conditional Access policies the user is excluded from.</summary>
    public IReadOnlyList<string> ExcludedFromPolicies { get; internal init; } = [];

    /// <summary>Whether anything changes.</summary>
    public bool IsNone => ReferenceEquals(this, None);
}
