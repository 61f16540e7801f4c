using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// Microsoft's Conditional Access evaluation (What-If) of a user, read as catalog v1.2 §2 and §5 say: which candidate
/// policies Microsoft answers authoritatively "applies" or "does not apply" for the user's app-password sign-ins (the
/// evaluations whose client type matches a declared protocol) and for registering security info. Bit sets over the
/// index's policies, filled on the caller's stack: nothing is allocated.
/// </summary>
internal static class WhatIfAnswers
{
    /// <summary>The user action of the security-info registration evaluation.</summary>
    public const string RegisterSecurityInformation = "registerSecurityInformation";

    /// <summary>
    /// Fills the answers: <paramref name="legacyYes"/>/<paramref name="legacyNo"/> for the app-password sign-in, and
    /// <paramref name="registrationYes"/>/<paramref name="registrationNo"/> for registering security info. One authoritative
    /// "applies" decides "applies"; "does not apply" needs every matching evaluation to say so authoritatively (§5.2).
    /// <paramref name="scratch"/> is a set of the same size for the work.
    /// </summary>
    public static void Read(
        IReadOnlyList<ConditionalAccessEvaluation> evaluations,
        SnapshotIndex index,
        string userId,
        scoped ReadOnlySpan<ulong> offlineApplies,
        Span<ulong> legacyYes,
        Span<ulong> legacyNo,
        Span<ulong> registrationYes,
        Span<ulong> registrationNo,
        Span<ulong> scratch)
    {
        legacyYes.Clear();
        legacyNo.Clear();
        registrationYes.Clear();
        registrationNo.Clear();
        var signInIndependent = index.Classes.SignInIndependent;
        bool legacySeen = false, registrationSeen = false;
        for (int e = 0; e < evaluations.Count; e++)
        {
            var evaluation = evaluations[e];
            bool registration = IsRegistration(evaluation);
            if (!registration && !IsLegacySignIn(evaluation, index))
            {
                continue; // another client type, resource or context: its results count as missing
            }

            // The answers as bit sets over the classified policies, made when the snapshot was read (none when its Conditional
            // Access section was not captured: then there is no policy to decide).
            if (evaluation.AppliesBits is not { } applies || evaluation.DoesNotApplyBits is not { } doesNot)
            {
                continue;
            }

            var yes = registration ? registrationYes : legacyYes;
            for (int w = 0; w < yes.Length; w++)
            {
                yes[w] |= applies[w] & signInIndependent[w];
                scratch[w] = doesNot[w];
            }

            // "Does not apply" must hold in every matching evaluation: intersect (the first one starts the set).
            var no = registration ? registrationNo : legacyNo;
            ref bool seen = ref registration ? ref registrationSeen : ref legacySeen;
            if (!seen)
            {
                scratch.CopyTo(no);
                seen = true;
            }
            else
            {
                for (int w = 0; w < no.Length; w++)
                {
                    no[w] &= scratch[w];
                }
            }
        }

        for (int w = 0; w < legacyNo.Length; w++)
        {
            legacyNo[w] &= ~legacyYes[w];
            registrationNo[w] &= ~registrationYes[w];
        }

        // The captured policy names the user among its exclusions (an exclusion made after Microsoft's answer, or the
        // plan's own): the configuration is now, and Microsoft would answer "users". Only an "applies" the offline reading
        // does not share can be such a case (an explicit exclusion keeps the offline reading out of scope).
        DropExcluded(index, userId, offlineApplies, legacyYes);
        DropExcluded(index, userId, offlineApplies, registrationYes);
    }

    private static void DropExcluded(SnapshotIndex index, string userId, scoped ReadOnlySpan<ulong> offlineApplies, Span<ulong> yes)
    {
        for (int w = 0; w < yes.Length; w++)
        {
            for (ulong word = yes[w] & ~offlineApplies[w]; word != 0; word &= word - 1)
            {
                int bit = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                if (PolicyScopes.Contains(index.Policies[bit].Policy.Conditions.Users.ExcludeUsers, userId))
                {
                    PolicyBits.Clear(yes, bit);
                }
            }
        }
    }

    /// <summary>The <c>registerSecurityInformation</c> evaluation: it decides APW024 only (§5.3).</summary>
    public static bool IsRegistration(ConditionalAccessEvaluation evaluation) => evaluation.IsSecurityInfoRegistration;

    /// <summary>
    /// An evaluation of the app-password sign-in: an application context for the target resource (or all resources) whose
    /// client type matches a declared protocol: <c>other</c> for SMTP, IMAP, POP, EWS, RPS, MAPI (and IDCRL);
    /// <c>exchangeActiveSync</c> for EAS; either when none is declared (§5.2).
    /// </summary>
    public static bool IsLegacySignIn(ConditionalAccessEvaluation evaluation, SnapshotIndex index)
    {
        if (evaluation.ContextKind != EvaluationContextKind.Application || !TargetsResource(evaluation.IncludeApplications, index.TargetResourceAppId))
        {
            return false;
        }

        var declared = index.Settings.LegacyProtocols;
        return evaluation.ClientAppType switch
        {
            ClientAppType.Other => declared == LegacyProtocols.None || (declared & ~LegacyProtocols.ExchangeActiveSync) != 0,
            ClientAppType.ExchangeActiveSync => declared == LegacyProtocols.None || (declared & LegacyProtocols.ExchangeActiveSync) != 0,
            _ => false,
        };
    }

    /// <summary>
    /// Where Microsoft's answer about <paramref name="policyId"/> stands (for the words): the first result of a matching
    /// evaluation that says <paramref name="applies"/>; <see langword="null"/> when none does.
    /// </summary>
    public static (ConditionalAccessEvaluation Evaluation, WhatIfResult Result)? Find(
        IReadOnlyList<ConditionalAccessEvaluation> evaluations, SnapshotIndex index, string policyId, bool registration, bool applies)
    {
        foreach (var evaluation in evaluations)
        {
            if (registration ? !IsRegistration(evaluation) : !IsLegacySignIn(evaluation, index))
            {
                continue;
            }

            foreach (var result in evaluation.Results)
            {
                if (result.PolicyApplies == applies && string.Equals(result.Id, policyId, StringComparison.OrdinalIgnoreCase))
                {
                    return (evaluation, result);
                }
            }
        }

        return null;
    }

    /// <summary>The pointer to a result's <paramref name="member"/> (<c>/users/{i}/sections/conditionalAccessEvaluation/value/{j}/value/{k}/…</c>).</summary>
    public static string Pointer(UserEntry entry, ConditionalAccessEvaluation evaluation, WhatIfResult result, string member) =>
        JsonPointer.User(entry.Index, "sections", "conditionalAccessEvaluation", "value", evaluation.Index, "value", result.Index, member);

    private static bool TargetsResource(IReadOnlyList<string> applications, string target)
    {
        if (applications.Count == 0)
        {
            return true;
        }

        for (int i = 0; i < applications.Count; i++)
        {
            string app = applications[i];
            if (string.Equals(app, target, StringComparison.OrdinalIgnoreCase) || string.Equals(app, "All", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
