using System.Globalization;
using System.Numerics;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// What the <c>signIns</c> section shows (catalog v1.2 §3): the legacy sign-ins that count for the declared protocols,
/// and for each protocol the newest one, the observation. Shared by the rules that report the observations and the
/// planner that fixes them, so both read the log the same way. Allocation-free: the groups live on the caller's stack.
/// </summary>
internal static class SignInLog
{
    /// <summary>Groups: one per protocol flag (bit position 0–7), and one for <c>Other clients</c> when no protocol is declared.</summary>
    public const int Groups = 9;

    /// <summary>The group of <c>Other clients</c> sign-ins when no protocol is declared (catalog v1.2 §3).</summary>
    private const int OtherClientsGroup = 8;

    /// <summary>
    /// Finds the observations: for each group (a declared protocol, or with none declared every legacy protocol seen and
    /// <c>Other clients</c>), the index of its newest counted sign-in in <paramref name="newest"/> (−1 for an empty group),
    /// from the newest sign-in of each protocol the reader found (<see cref="SignInList"/>). <c>Other clients</c> counts for
    /// each declared protocol; with none declared it is a group of its own. <paramref name="newest"/> holds
    /// <see cref="Groups"/> items.
    /// </summary>
    /// <returns>Whether any group has an observation.</returns>
    public static bool Observe(SignInList list, LegacyProtocols declared, Span<int> newest)
    {
        newest.Fill(-1);
        bool any = false;
        int other = list.NewestOtherClients;
        if (declared == LegacyProtocols.None)
        {
            for (int g = 0; g < OtherClientsGroup; g++)
            {
                newest[g] = list.NewestOf(g);
                any |= newest[g] >= 0;
            }

            newest[OtherClientsGroup] = other;
            return any || other >= 0;
        }

        for (uint bits = (uint)declared & 0xFF; bits != 0; bits &= bits - 1)
        {
            int g = BitOperations.TrailingZeroCount(bits);
            newest[g] = list.Newer(list.NewestOf(g), other);
            any |= newest[g] >= 0;
        }

        return any;
    }

    /// <summary>
    /// The user's observations: fills <paramref name="newest"/> (see <see cref="Observe(SignInList, LegacyProtocols, Span{int})"/>)
    /// and returns the user's sign-ins, or <see langword="null"/> when the section holds no counted sign-in.
    /// </summary>
    public static SignInList? Observe(UserEntry entry, LegacyProtocols declared, Span<int> newest) =>
        entry.Sections.SignIns.Value is { Count: > 0 } signIns && Observe(signIns, declared, newest) ? signIns : null;

    /// <summary>
    /// Steps to the next observation after group <paramref name="group"/> (start at −1): a group with a newest sign-in not
    /// already seen in an earlier group, so that each distinct sign-in is one observation (catalog v1.2 §5.7).
    /// </summary>
    /// <returns>Whether there is one; <paramref name="index"/> is then its sign-in.</returns>
    public static bool NextObservation(ReadOnlySpan<int> newest, ref int group, out int index)
    {
        while (++group < Groups)
        {
            index = newest[group];
            if (index >= 0 && IsFirstGroupOf(newest, group))
            {
                return true;
            }
        }

        index = -1;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="group"/> is the first group whose newest sign-in is the one at <paramref name="newest"/>[group]:
    /// a code fires once per distinct sign-in, never once per group it is newest for (catalog v1.2 §5.7).
    /// </summary>
    public static bool IsFirstGroupOf(ReadOnlySpan<int> newest, int group)
    {
        for (int g = 0; g < group; g++)
        {
            if (newest[g] == newest[group])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The groups (bit <c>g</c> for group <c>g</c>) whose newest sign-in is the one at <paramref name="index"/>.</summary>
    public static int GroupsOf(ReadOnlySpan<int> newest, int index)
    {
        int mask = 0;
        for (int g = 0; g < Groups; g++)
        {
            mask |= newest[g] == index ? 1 << g : 0;
        }

        return mask;
    }

    /// <summary>The protocols of a group mask, as texts name them: "SMTP AUTH and IMAP".</summary>
    public static string ProtocolNames(int groups)
    {
        var names = new List<string>();
        for (int g = 0; g < Groups; g++)
        {
            if ((groups & (1 << g)) != 0)
            {
                names.Add(g == OtherClientsGroup ? "an unknown legacy protocol" : LegacyProtocolRetirements.For((LegacyProtocols)(1 << g)).DisplayName);
            }
        }

        return names.Count switch
        {
            0 => "a legacy protocol",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
        };
    }

    /// <summary>When a sign-in happened, as a support engineer writes it: "2026-12-05 14:03 UTC".</summary>
    public static string When(SignIn signIn) =>
        signIn.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The log's failure reason in quotes with a leading space, or nothing.</summary>
    public static string Reason(SignIn signIn) =>
        string.IsNullOrWhiteSpace(signIn.FailureReason) ? string.Empty : $" (\"{signIn.FailureReason.Trim()}\")";

    /// <summary>The policies a sign-in blocked by Conditional Access names: its <c>appliedConditionalAccessPolicies</c> with <c>result</c> <c>failure</c>.</summary>
    public static IEnumerable<AppliedConditionalAccessPolicy> FailedPolicies(SignIn signIn)
    {
        foreach (var policy in signIn.AppliedConditionalAccessPolicies)
        {
            if (string.Equals(policy.Result, "failure", StringComparison.OrdinalIgnoreCase) && policy.Id.Length > 0)
            {
                yield return policy;
            }
        }
    }

    /// <summary>What a sign-in's error code means for the catalog (catalog v1.2 §3's table).</summary>
    public static string CodeFor(int errorCode) => errorCode switch
    {
        0 => DiagnosticCodes.LegacySignInsSucceeded,
        53003 => DiagnosticCodes.LegacySignInsBlockedByConditionalAccess,
        530035 => DiagnosticCodes.LegacySignInsBlockedBySecurityDefaults,
        50076 or 50079 or 50074 => DiagnosticCodes.AccountPasswordUsedByLegacyClient,
        50126 => DiagnosticCodes.LegacySignInCredentialsRejected,
        _ => DiagnosticCodes.LegacySignInsFailed,
    };
}
