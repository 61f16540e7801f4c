using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// What each classified Conditional Access policy would do to an app-password sign-in once it applies, as bit sets over
/// the policies of a <see cref="SnapshotIndex"/> (catalog v1.1, APW013 and APW020–APW024, APW090). Intersected with a
/// user's scope (<see cref="PolicyScopes"/>), each set answers one code in a few word operations. Built once per snapshot
/// and engine (the classes depend on the target resource and on whether Exchange ActiveSync is declared).
/// </summary>
internal sealed class PolicyClasses
{
    public PolicyClasses(IReadOnlyList<PolicyFacts> policies, DiagnosticsSettings settings)
    {
        int words = PolicyBits.Words(policies.Count);
        bool easDeclared = settings.LegacyProtocols.HasFlag(LegacyProtocols.ExchangeActiveSync);
        Considered = new ulong[words];
        RegistrationBlocked = new ulong[words];
        MfaRequired = new ulong[words];
        ReportOnlyWouldBlock = new ulong[words];
        UnknownStateWouldBlock = new ulong[words];
        MayBlock = new ulong[words];
        Blocks = new ulong[words];
        Unsatisfiable = new ulong[words];
        RoleScopedBlock = new ulong[words];
        for (int bit = 0; bit < policies.Count; bit++)
        {
            var policy = policies[bit];
            if (policy.LimitedToAuthenticationFlows)
            {
                continue; // device code flow and authentication transfer only: never an app-password sign-in
            }

            PolicyBits.Set(Considered, bit);
            var state = policy.Policy.State;
            bool enabled = state == ConditionalAccessPolicyState.Enabled;
            if (enabled && policy.TargetsSecurityInfoRegistration && policy.Blocks)
            {
                PolicyBits.Set(RegistrationBlocked, bit);
            }

            if (policy.ScopesByRoles && enabled && policy.BlocksAppPasswordSignIns(easDeclared))
            {
                PolicyBits.Set(RoleScopedBlock, bit);
            }

            if (!policy.TargetsResource)
            {
                continue;
            }

            if (enabled && policy.RequiresMfa)
            {
                PolicyBits.Set(MfaRequired, bit);
            }

            if (policy.Coverage == ClientCoverage.None || !(policy.Blocks || policy.UnsatisfiableGrants.Count > 0))
            {
                continue;
            }

            if (state == ConditionalAccessPolicyState.EnabledForReportingButNotEnforced)
            {
                PolicyBits.Set(ReportOnlyWouldBlock, bit);
            }
            else if (!enabled)
            {
                PolicyBits.Set(UnknownStateWouldBlock, bit);
            }
            else if (policy.Policy.Conditions.SignInDependentConditions.Count > 0 || (policy.Coverage == ClientCoverage.ExchangeActiveSyncOnly && !easDeclared))
            {
                PolicyBits.Set(MayBlock, bit);
            }
            else
            {
                PolicyBits.Set(policy.Blocks ? Blocks : Unsatisfiable, bit);
            }
        }
    }

    /// <summary>Policies that can concern an app-password sign-in at all (not limited to authentication flows).</summary>
    public ulong[] Considered { get; }

    /// <summary>APW024: enabled, blocks the user action 'register security info'.</summary>
    public ulong[] RegistrationBlocked { get; }

    /// <summary>APW013 (with per-user MFA not enforced): enabled, targets the resource, requires MFA.</summary>
    public ulong[] MfaRequired { get; }

    /// <summary>APW022: report-only, would block or require what a legacy client cannot satisfy.</summary>
    public ulong[] ReportOnlyWouldBlock { get; }

    /// <summary>APW090: a state this version does not know, on a policy that would block.</summary>
    public ulong[] UnknownStateWouldBlock { get; }

    /// <summary>APW023: enabled, would block, but depends on the sign-in (conditions, or EAS only and EAS not declared).</summary>
    public ulong[] MayBlock { get; }

    /// <summary>APW020: enabled, certainly blocks legacy clients.</summary>
    public ulong[] Blocks { get; }

    /// <summary>APW021: enabled, certainly requires what a legacy client cannot satisfy.</summary>
    public ulong[] Unsatisfiable { get; }

    /// <summary>APW090 (roles unknown): enabled, role-scoped, certainly blocks app-password sign-ins once it applies.</summary>
    public ulong[] RoleScopedBlock { get; }
}
