namespace CodeTwo.AuthDiagnostics.Planning;

/// <summary>
/// The typed changes a set of plan steps makes to one user's view of the snapshot, applied on top of the captured
/// facts (nothing is copied or re-read): the counterfactual's way of asking "and after these steps?".
/// </summary>
internal sealed class SimulatedChanges
{
    private SimulatedChanges()
    {
    }

    /// <summary>No change.</summary>
    public static SimulatedChanges None { get; } = new();

    /// <summary>Per-user MFA is enforced.</summary>
    public bool PerUserMfaEnforced { get; private init; }

    /// <summary>The account is enabled.</summary>
    public bool AccountEnabled { get; private init; }

    /// <summary>Security defaults are off.</summary>
    public bool SecurityDefaultsOff { get; private init; }

    /// <summary>The tenant allows app passwords.</summary>
    public bool AppPasswordsAllowed { get; private init; }

    /// <summary>The mailbox's own SMTP AUTH switch is on (not disabled).</summary>
    public bool SmtpMailboxAllowed { get; private init; }

    /// <summary>The user has an authentication policy that allows Basic SMTP AUTH.</summary>
    public bool SmtpPolicyAllowed { get; private init; }

    /// <summary>The ids of the Conditional Access policies the user is excluded from.</summary>
    public IReadOnlyList<string> ExcludedFromPolicies { get; private init; } = [];

    /// <summary>Whether anything changes.</summary>
    public bool IsNone => ReferenceEquals(this, None);

    /// <summary>These changes, then the effects of <paramref name="steps"/> (steps without an effect change nothing).</summary>
    /// <param name="steps">Plan steps, in plan order.</param>
    public SimulatedChanges Then(IEnumerable<PlanStep> steps)
    {
        bool perUser = PerUserMfaEnforced, enabled = AccountEnabled, defaultsOff = SecurityDefaultsOff, allowed = AppPasswordsAllowed;
        bool mailbox = SmtpMailboxAllowed, policy = SmtpPolicyAllowed;
        var excluded = new List<string>(ExcludedFromPolicies);
        foreach (var step in steps)
        {
            switch (step.Effect?.Kind)
            {
                case StepEffectKind.EnforcePerUserMfa:
                    perUser = true;
                    break;
                case StepEffectKind.EnableAccount:
                    enabled = true;
                    break;
                case StepEffectKind.DisableSecurityDefaults:
                    defaultsOff = true;
                    break;
                case StepEffectKind.AllowAppPasswords:
                    allowed = true;
                    break;
                case StepEffectKind.ExcludeFromPolicy:
                    excluded.Add(step.Effect.PolicyId!);
                    break;
                case StepEffectKind.AllowSmtpAuth:
                    mailbox |= step.Effect.SmtpMailbox;
                    policy |= step.Effect.SmtpPolicy;
                    break;
            }
        }

        return new SimulatedChanges
        {
            PerUserMfaEnforced = perUser,
            AccountEnabled = enabled,
            SecurityDefaultsOff = defaultsOff,
            AppPasswordsAllowed = allowed,
            SmtpMailboxAllowed = mailbox,
            SmtpPolicyAllowed = policy,
            ExcludedFromPolicies = excluded,
        };
    }
}
