using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Planning;

/// <summary>
/// What a plan step changes, in typed form: the same change as its Graph request (or, for a manual step, its simulated
/// effect), written by <see cref="PlanBuilder"/> next to that request. The counterfactual applies these, not the JSON;
/// a test applies the JSON requests to the snapshot (the way Graph and the in-memory tenant do) and checks that both
/// give the same verdict and the same remaining codes for every fixture and generated tenant.
/// </summary>
internal sealed class StepEffect
{
    private StepEffect(StepEffectKind kind, string? policyId = null, bool smtpMailbox = false, bool smtpPolicy = false)
    {
        Kind = kind;
        PolicyId = policyId;
        SmtpMailbox = smtpMailbox;
        SmtpPolicy = smtpPolicy;
    }

    /// <summary><c>perUserMfaState</c> becomes <c>enforced</c>.</summary>
    public static StepEffect EnforcePerUserMfa { get; } = new(StepEffectKind.EnforcePerUserMfa);

    /// <summary>The user's sessions are revoked (no code depends on it).</summary>
    public static StepEffect RevokeSessions { get; } = new(StepEffectKind.RevokeSessions);

    /// <summary><c>accountEnabled</c> becomes <see langword="true"/>.</summary>
    public static StepEffect EnableAccount { get; } = new(StepEffectKind.EnableAccount);

    /// <summary>Security defaults' <c>isEnabled</c> becomes <see langword="false"/>.</summary>
    public static StepEffect DisableSecurityDefaults { get; } = new(StepEffectKind.DisableSecurityDefaults);

    /// <summary>The tenant's <c>allowAppPasswords</c> becomes <see langword="true"/>.</summary>
    public static StepEffect AllowAppPasswords { get; } = new(StepEffectKind.AllowAppPasswords);

    /// <summary>What the effect changes.</summary>
    public StepEffectKind Kind { get; }

    /// <summary>For <see cref="StepEffectKind.ExcludeFromPolicy"/>: the policy the user's id is added to <c>excludeUsers</c> of.</summary>
    public string? PolicyId { get; }

    /// <summary>For <see cref="StepEffectKind.AllowSmtpAuth"/>: the mailbox's SMTP AUTH switch becomes <see langword="false"/> (not disabled).</summary>
    public bool SmtpMailbox { get; }

    /// <summary>For <see cref="StepEffectKind.AllowSmtpAuth"/>: the user gets an authentication policy that allows Basic SMTP AUTH.</summary>
    public bool SmtpPolicy { get; }

    /// <summary>The user's id is added to the policy's <c>excludeUsers</c>.</summary>
    public static StepEffect ExcludeFromPolicy(string policyId) => new(StepEffectKind.ExcludeFromPolicy, policyId);

    /// <summary>Exchange Online lets the user's mailbox use SMTP AUTH with Basic authentication.</summary>
    public static StepEffect AllowSmtpAuth(bool mailbox, bool policy) => new(StepEffectKind.AllowSmtpAuth, smtpMailbox: mailbox, smtpPolicy: policy);
}

/// <summary>The kinds of <see cref="StepEffect"/>.</summary>
internal enum StepEffectKind
{
    /// <summary>Per-user MFA enforced.</summary>
    EnforcePerUserMfa,

    /// <summary>Sessions revoked.</summary>
    RevokeSessions,

    /// <summary>Account enabled.</summary>
    EnableAccount,

    /// <summary>Security defaults off.</summary>
    DisableSecurityDefaults,

    /// <summary>App passwords allowed tenant-wide.</summary>
    AllowAppPasswords,

    /// <summary>User excluded from a Conditional Access policy.</summary>
    ExcludeFromPolicy,

    /// <summary>SMTP AUTH allowed for the mailbox.</summary>
    AllowSmtpAuth,
}

/// <summary>The typed changes of plan steps, as the rules consult them (<see cref="SimulatedChanges"/>).</summary>
internal static class StepEffects
{
    /// <summary>These changes, then the effects of <paramref name="steps"/> (steps without an effect change nothing).</summary>
    /// <param name="changes">The changes so far.</param>
    /// <param name="steps">Plan steps, in plan order.</param>
    public static SimulatedChanges Then(this SimulatedChanges changes, IEnumerable<PlanStep> steps)
    {
        bool perUser = changes.PerUserMfaEnforced, enabled = changes.AccountEnabled, defaultsOff = changes.SecurityDefaultsOff, allowed = changes.AppPasswordsAllowed;
        bool mailbox = changes.SmtpMailboxAllowed, policy = changes.SmtpPolicyAllowed;
        var excluded = new List<string>(changes.ExcludedFromPolicies);
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
