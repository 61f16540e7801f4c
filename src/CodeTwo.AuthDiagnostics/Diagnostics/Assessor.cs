using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Diagnostics;

/// <summary>
/// The catalog's decisions without their words: for one user, which codes fire, at which effective severity and kind,
/// and so the verdict — the same decisions as the rules of <c>Rules/Catalog</c> make, written as set operations over the
/// index (policy scopes and classes are bit sets built once per snapshot). It allocates nothing. It serves
/// <see cref="IAuthDiagnostics.Assess(Snapshots.TenantSnapshot, Snapshots.UserRef)"/> and the counterfactual, which asks it what the verdict would be after some
/// plan steps (<see cref="SimulatedChanges"/>). Property tests hold it to the rules: same verdict, codes and root causes
/// for every fixture, every user of the generated tenants and thousands of random tenants.
/// </summary>
internal sealed class Assessor
{
    private readonly CodeTable table;
    private readonly DiagnosticsSettings settings;
    private readonly ulong disabled;
    private readonly Severity[] severities;
    private readonly bool[] regraded;
    private readonly FindingKind[] kinds;

    public Assessor(CodeTable table, IReadOnlyList<DiagnosticDescriptor> catalog, DiagnosticsSettings settings)
    {
        this.table = table;
        this.settings = settings;
        severities = new Severity[CodeTable.Capacity];
        regraded = new bool[CodeTable.Capacity];
        kinds = new FindingKind[CodeTable.Capacity];
        foreach (var descriptor in catalog)
        {
            int bit = table.Bit(descriptor.Code);
            regraded[bit] = settings.SeverityOverrides.TryGetValue(descriptor.Code, out var severity);
            severities[bit] = regraded[bit] ? severity : descriptor.DefaultSeverity;
            kinds[bit] = descriptor.Kind;
            if (settings.DisabledCodes.Contains(descriptor.Code))
            {
                disabled |= 1UL << bit;
            }
        }
    }

    /// <summary>
    /// The codes of the facts stage for the user (<paramref name="entry"/> null: not in the snapshot, asked for as
    /// <paramref name="requestedUser"/>), after <paramref name="changes"/>. A code the host's acceptances cover fires but
    /// drives nothing: accepted by code alone it is left out of the verdict's sets; narrowed to policies, those policies
    /// are left out of the intersection that decides it.
    /// </summary>
    public CodeSet Facts(SnapshotIndex index, UserEntry? entry, string requestedUser, SimulatedChanges changes)
    {
        var codes = default(CodeSet);
        bool narrowed = Accept(ref codes, index.Acceptances, entry, requestedUser);
        var snapshot = index.Snapshot;
        var tenant = snapshot.Sections;
        if (entry is null)
        {
            Report(ref codes, DiagnosticCodes.UserNotFound);
        }

        TenantSwitch(ref codes, tenant, changes);
        if (tenant.AuthenticationMethodsPolicy.Value is { PolicyMigrationState: PolicyMigrationState.MigrationComplete })
        {
            Report(ref codes, DiagnosticCodes.AuthenticationMethodsPolicyMigrated);
        }

        LegacyProtocols(ref codes, index);
        if (entry is null)
        {
            return codes;
        }

        var user = entry.User;
        var requirements = entry.Sections.AuthenticationRequirements;
        var state = changes.PerUserMfaEnforced ? PerUserMfaState.Enforced : requirements.Value?.PerUserMfaState;
        bool requirementsCaptured = changes.PerUserMfaEnforced || requirements.IsCaptured;

        // AccountStateRule
        if (user.AccountEnabled == false && !changes.AccountEnabled)
        {
            Report(ref codes, DiagnosticCodes.AccountDisabled);
        }

        if (user.UserType == UserType.Guest)
        {
            Report(ref codes, DiagnosticCodes.GuestAccount);
        }

        if (user.OnPremisesSyncEnabled == true)
        {
            Report(ref codes, DiagnosticCodes.SyncedFromOnPremises);
        }

        // PerUserMfaRule
        if (state == PerUserMfaState.Disabled)
        {
            Report(ref codes, DiagnosticCodes.PerUserMfaDisabled);
        }
        else if (state == PerUserMfaState.Enabled)
        {
            Report(ref codes, DiagnosticCodes.PerUserMfaEnabledNotEnforced);
        }

        // SecurityDefaultsRule
        if (tenant.SecurityDefaults.Value is { IsEnabled: true } && !changes.SecurityDefaultsOff)
        {
            Report(ref codes, DiagnosticCodes.SecurityDefaultsEnabled);
        }

        ConditionalAccess(ref codes, index, entry, state, changes, narrowed ? requestedUser : null);

        // MfaMethodsRule
        if (entry.Sections.AuthenticationMethods.Value is { } methods && !AnyMfaCapable(methods))
        {
            Report(ref codes, DiagnosticCodes.NoMfaMethodRegistered);
        }

        // FederatedDomainRule
        if (IsFederated(index, user.UserPrincipalName))
        {
            Report(ref codes, DiagnosticCodes.FederatedDomain);
        }

        SmtpAuth(ref codes, index, entry, changes);

        // PrivilegedRoleRule
        var memberOf = entry.Sections.TransitiveMemberOf;
        if (memberOf.Value is { } objects && AnyRole(objects))
        {
            Report(ref codes, DiagnosticCodes.PrivilegedAdminAccount);
        }

        // DataCoverageRule
        if (!tenant.SecurityDefaults.IsCaptured)
        {
            Report(ref codes, DiagnosticCodes.DataNotCaptured);
        }

        if (index.ConditionalAccessNeeded && !tenant.ConditionalAccessPolicies.IsCaptured)
        {
            Report(ref codes, DiagnosticCodes.DataNotCaptured);
        }

        if (!requirementsCaptured)
        {
            Report(ref codes, DiagnosticCodes.DataNotCaptured);
        }

        if (tenant.ConditionalAccessPolicies.IsCaptured && index.EnabledPolicyScopesByGroupsOrRoles && !memberOf.IsCaptured)
        {
            Report(ref codes, DiagnosticCodes.DataNotCaptured);
        }

        if (state == PerUserMfaState.Unknown || user.AccountEnabled is null || user.UserType is null)
        {
            Report(ref codes, DiagnosticCodes.DataNotCaptured);
        }

        return codes;
    }

    /// <summary>The assessment of a user: the facts, the verdict, then the codes about the outcome (APW070, APW080).</summary>
    public Assessment Assess(SnapshotIndex index, UserEntry? entry, string requestedUser)
    {
        var codes = Facts(index, entry, requestedUser, SimulatedChanges.None);
        var verdict = codes.Verdict;
        ulong roots = codes.RootCauses(verdict);

        // PlanAdvice (APW070): the plan enforces per-user MFA (a user with a per-user blocker, not indeterminate, not a
        // guest, not blocked by the tenant switch) in a tenant with enabled Conditional Access policies.
        if (entry is not null
            && verdict != Verdict.Indeterminate
            && (codes.Blockers & (table.Mask(DiagnosticCodes.GuestAccount) | table.Mask(DiagnosticCodes.AppPasswordsDisabledForTenant))) == 0
            && (codes.Blockers & (table.Mask(DiagnosticCodes.PerUserMfaDisabled) | table.Mask(DiagnosticCodes.PerUserMfaEnabledNotEnforced))) != 0
            && index.EnabledPolicyCount > 0)
        {
            Report(ref codes, DiagnosticCodes.PerUserMfaMixedWithConditionalAccess);
        }

        // ModernAuthRule (outcome stage)
        if (verdict != Verdict.Available)
        {
            Report(ref codes, DiagnosticCodes.ModernAuthenticationRecommended);
        }

        return new Assessment(requestedUser, entry?.User.Id, entry?.User.UserPrincipalName, verdict, table, codes.Fired, roots);
    }

    /// <summary>The codes of a set, in code order.</summary>
    public IReadOnlyList<string> Names(ulong set) => table.Names(set);

    private void TenantSwitch(ref CodeSet codes, TenantSections tenant, SimulatedChanges changes)
    {
        if (changes.AppPasswordsAllowed)
        {
            return;
        }

        if (tenant.MfaServicePolicy.Value is { AllowAppPasswords: { } allowed })
        {
            if (!allowed)
            {
                Report(ref codes, DiagnosticCodes.AppPasswordsDisabledForTenant);
            }

            return;
        }

        Report(ref codes, DiagnosticCodes.TenantAppPasswordSettingUnknown);
    }

    private void LegacyProtocols(ref CodeSet codes, SnapshotIndex index)
    {
        var protocols = index.Protocols;
        if (protocols.NoneDeclared)
        {
            if (settings.TargetsExchangeOnline)
            {
                Report(ref codes, DiagnosticCodes.LegacyProtocolRetired);
            }
        }
        else if (protocols.AllRetired)
        {
            Report(ref codes, DiagnosticCodes.LegacyProtocolRetired, Severity.Blocker, FindingKind.Usability);
        }
        else if (protocols.Retired.Count > 0)
        {
            Report(ref codes, DiagnosticCodes.LegacyProtocolRetired, Severity.Warning, FindingKind.Usability);
        }
    }

    // narrowedFor: when acceptances narrowed to policies are in force for the user, the user as asked for (to check which
    // cover them); otherwise null, and each code is decided by its intersection alone.
    private void ConditionalAccess(ref CodeSet codes, SnapshotIndex index, UserEntry entry, PerUserMfaState? state, SimulatedChanges changes, string? narrowedFor)
    {
        var scopes = index.Scopes;
        int words = scopes.Words;
        if (words == 0)
        {
            return;
        }

        Span<ulong> sets = words <= 64 ? stackalloc ulong[6 * words] : new ulong[6 * words];
        var applies = sets[..words];
        var unknown = sets.Slice(words, words);
        scopes.Evaluate(entry, applies, unknown, sets[(2 * words)..]);
        foreach (string excluded in changes.ExcludedFromPolicies)
        {
            if (index.FindPolicy(excluded) is { } policy)
            {
                PolicyBits.Clear(applies, policy.Bit);
                PolicyBits.Clear(unknown, policy.Bit);
            }
        }

        var classes = index.Classes;
        if (entry.Sections.TransitiveMemberOf.IsCaptured && index.ConditionalAccessNeeded && PolicyBits.Intersects(unknown, classes.RoleScopedBlock))
        {
            Report(ref codes, DiagnosticCodes.DataNotCaptured);
        }

        if (PolicyBits.IsEmpty(applies))
        {
            return;
        }

        ReportPolicies(ref codes, DiagnosticCodes.SecurityInfoRegistrationBlocked, applies, classes.RegistrationBlocked, index, entry, narrowedFor);
        if (state is PerUserMfaState.Disabled or PerUserMfaState.Enabled)
        {
            ReportPolicies(ref codes, DiagnosticCodes.MfaOnlyFromConditionalAccess, applies, classes.MfaRequired, index, entry, narrowedFor);
        }

        ReportPolicies(ref codes, DiagnosticCodes.ReportOnlyPolicyWouldBlock, applies, classes.ReportOnlyWouldBlock, index, entry, narrowedFor);
        ReportPolicies(ref codes, DiagnosticCodes.DataNotCaptured, applies, classes.UnknownStateWouldBlock, index, entry, narrowedFor);
        ReportPolicies(ref codes, DiagnosticCodes.ConditionalAccessPolicyMayApply, applies, classes.MayBlock, index, entry, narrowedFor);
        ReportPolicies(ref codes, DiagnosticCodes.LegacyAuthBlockedByConditionalAccess, applies, classes.Blocks, index, entry, narrowedFor);
        ReportPolicies(ref codes, DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients, applies, classes.Unsatisfiable, index, entry, narrowedFor);
    }

    /// <summary>
    /// Reports <paramref name="code"/> when a policy of its class (<paramref name="policies"/>) applies to the user; accepted
    /// when acceptances narrowed to policies cover every such policy.
    /// </summary>
    private void ReportPolicies(ref CodeSet codes, string code, ReadOnlySpan<ulong> applies, ulong[] policies, SnapshotIndex index, UserEntry entry, string? narrowedFor)
    {
        if (PolicyBits.Intersects(applies, policies))
        {
            Report(ref codes, code, accepted: narrowedFor is not null && AllAccepted(index, entry, narrowedFor, code, applies, policies));
        }
    }

    /// <summary>
    /// Reads the acceptances in force for the user: a code accepted without a policy goes into <see cref="CodeSet.Accepted"/>
    /// (it fires but decides nothing). Returns whether an acceptance narrowed to a classified policy is in force for the
    /// user (then <see cref="AllAccepted"/> decides the Conditional Access codes). No acceptance: nothing to read.
    /// </summary>
    private bool Accept(ref CodeSet codes, Acceptances acceptances, UserEntry? entry, string requestedUser)
    {
        var inForce = acceptances.InForce;
        bool narrowed = false;
        for (int a = 0; a < inForce.Length; a++)
        {
            if (!inForce[a].Covers(entry?.User.Id, entry?.User.UserPrincipalName, requestedUser))
            {
                continue;
            }

            int bit = acceptances.PolicyBits[a];
            if (bit == -1)
            {
                codes.Accepted |= table.Mask(inForce[a].Code);
            }

            narrowed |= bit >= 0;
        }

        return narrowed;
    }

    /// <summary>
    /// Whether every policy of <paramref name="applies"/> ∩ <paramref name="policies"/> (those that make <paramref name="code"/>
    /// fire) is one an acceptance of <paramref name="code"/> in force for the user is narrowed to: the accepted policies'
    /// bits are taken out of the intersection, word by word, without a copy.
    /// </summary>
    private static bool AllAccepted(SnapshotIndex index, UserEntry entry, string requestedUser, string code, ReadOnlySpan<ulong> applies, ReadOnlySpan<ulong> policies)
    {
        var acceptances = index.Acceptances;
        var inForce = acceptances.InForce;
        for (int w = 0; w < applies.Length; w++)
        {
            ulong word = applies[w] & policies[w];
            for (int a = 0; a < inForce.Length && word != 0; a++)
            {
                int bit = acceptances.PolicyBits[a];
                if (bit >= 0 && (bit >> 6) == w && string.Equals(inForce[a].Code, code, StringComparison.Ordinal)
                    && inForce[a].Covers(entry.User.Id, entry.User.UserPrincipalName, requestedUser))
                {
                    word &= ~(1UL << (bit & 63));
                }
            }

            if (word != 0)
            {
                return false;
            }
        }

        return true;
    }

    private void SmtpAuth(ref CodeSet codes, SnapshotIndex index, UserEntry entry, SimulatedChanges changes)
    {
        if ((settings.LegacyProtocols & Rules.LegacyProtocols.SmtpAuth) == 0)
        {
            return;
        }

        if (index.Snapshot.Sections.ExchangeOnline.Value is not { } exchange)
        {
            Report(ref codes, DiagnosticCodes.ExchangeSettingsNotCaptured);
            if (LegacyProtocolRetirements.For(Rules.LegacyProtocols.SmtpAuth).IsOffByDefaultOn(index.Protocols.Date))
            {
                Report(ref codes, DiagnosticCodes.SmtpAuthBasicOffByDefault);
            }

            return;
        }

        // SmtpAuthState.Of, without building it.
        var mailbox = exchange.FindUser(entry.User.Id);
        bool mailboxBlocks = !changes.SmtpMailboxAllowed && (mailbox?.SmtpClientAuthenticationDisabled ?? exchange.SmtpClientAuthenticationDisabled);
        bool policyBlocks = false;
        if (!changes.SmtpPolicyAllowed)
        {
            string? name = mailbox?.AuthenticationPolicy is { Length: > 0 } own ? own : exchange.DefaultAuthenticationPolicy is { Length: > 0 } byDefault ? byDefault : null;
            var policy = name is null ? null : exchange.FindAuthenticationPolicy(name);
            if (name is not null && policy is null)
            {
                Report(ref codes, DiagnosticCodes.DataNotCaptured);
            }

            policyBlocks = policy is { AllowBasicAuthSmtp: false };
        }

        if (mailboxBlocks || policyBlocks)
        {
            Report(ref codes, DiagnosticCodes.SmtpAuthDisabledForMailbox);
        }
    }

    private static bool AnyMfaCapable(IReadOnlyList<AuthenticationMethod> methods)
    {
        for (int i = 0; i < methods.Count; i++)
        {
            if (methods[i].IsMfaCapable)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyRole(IReadOnlyList<DirectoryObject> objects)
    {
        for (int i = 0; i < objects.Count; i++)
        {
            if (objects[i].Kind == DirectoryObjectKind.DirectoryRole)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the UPN's domain is a captured federated domain (<see cref="DirectoryUser.UpnDomain"/>, without the copy).</summary>
    private static bool IsFederated(SnapshotIndex index, string userPrincipalName)
    {
        var federated = index.FederatedDomains;
        if (federated.Count == 0)
        {
            return false;
        }

        int at = userPrincipalName.LastIndexOf('@');
        var domain = at < 0 ? ReadOnlySpan<char>.Empty : userPrincipalName.AsSpan(at + 1);
        for (int i = 0; i < federated.Count; i++)
        {
            if (domain.Equals(federated[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reports a code as <see cref="RuleContext"/> would: dropped when disabled, the host's severity first. An accepted code
    /// (<paramref name="accepted"/>, or in <see cref="CodeSet.Accepted"/>) only fires: it decides no verdict.
    /// </summary>
    private void Report(ref CodeSet codes, string code, Severity? graded = null, FindingKind? gradedKind = null, bool accepted = false)
    {
        int bit = table.Bit(code);
        ulong mask = 1UL << bit;
        if ((disabled & mask) != 0)
        {
            return;
        }

        var severity = regraded[bit] ? severities[bit] : graded ?? severities[bit];
        var kind = gradedKind ?? kinds[bit];
        codes.Fired |= mask;
        if (accepted || (codes.Accepted & mask) != 0)
        {
            return;
        }

        codes.Drive(mask, code, severity, kind);
    }
}

/// <summary>
/// Codes as bit sets (see <see cref="CodeTable"/>): all that fired, and those that decide each verdict, by the catalog's
/// precedence (unavailable &gt; indeterminate &gt; unusable &gt; available).
/// </summary>
internal struct CodeSet
{
    /// <summary>Every code that fired.</summary>
    public ulong Fired;

    /// <summary>Codes the host's acceptances in force cover for the user without naming a policy: they fire, and decide nothing.</summary>
    public ulong Accepted;

    /// <summary>Codes with an effective severity of blocker.</summary>
    public ulong Blockers;

    /// <summary>Availability blockers.</summary>
    public ulong Unavailable;

    /// <summary>Usability blockers.</summary>
    public ulong Unusable;

    /// <summary>Data findings of warning severity or more (except APW091 and APW092).</summary>
    public ulong Indeterminate;

    /// <summary>Records <paramref name="code"/> (its bit in <paramref name="mask"/>) in the sets its effective severity and kind drive.</summary>
    public void Drive(ulong mask, string code, Severity severity, FindingKind kind)
    {
        if (severity == Severity.Blocker)
        {
            Blockers |= mask;
            Unavailable |= kind == FindingKind.Availability ? mask : 0;
            Unusable |= kind == FindingKind.Usability ? mask : 0;
        }

        Indeterminate |= DiagnosticEngine.MakesIndeterminate(code, severity, kind) ? mask : 0;
    }

    /// <summary>The verdict these codes decide.</summary>
    public readonly Verdict Verdict =>
        Unavailable != 0 ? Verdict.Unavailable
        : Indeterminate != 0 ? Verdict.Indeterminate
        : Unusable != 0 ? Verdict.Unusable
        : Verdict.Available;

    /// <summary>The codes still in the way of 'available': blockers and the data that makes the verdict indeterminate.</summary>
    public readonly ulong Remaining => Blockers | Indeterminate;

    /// <summary>The root causes of <paramref name="verdict"/>.</summary>
    public readonly ulong RootCauses(Verdict verdict) => verdict switch
    {
        Verdict.Unavailable => Unavailable,
        Verdict.Indeterminate => Indeterminate,
        Verdict.Unusable => Unusable,
        _ => 0,
    };
}
