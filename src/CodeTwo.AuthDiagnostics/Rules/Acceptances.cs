namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// The host's accepted risks for one snapshot (<see cref="SnapshotIndex"/>): those in force on the capture date, each
/// with the bit of the Conditional Access policy it is narrowed to, and those expired. Built once per snapshot and
/// engine, so a diagnosis or an assessment only checks the user and allocates nothing.
/// </summary>
internal sealed class Acceptances
{
    /// <summary>No accepted risk (the engine's options declare none).</summary>
    public static Acceptances None { get; } = new([], [], []);

    private Acceptances(AcceptedRisk[] inForce, int[] policyBits, AcceptedRisk[] expired)
    {
        InForce = inForce;
        PolicyBits = policyBits;
        Expired = expired;
    }

    /// <summary>The acceptances in force on the capture date, in the order of the options.</summary>
    public AcceptedRisk[] InForce { get; }

    /// <summary>
    /// For each of <see cref="InForce"/>: the bit of its policy among the index's classified policies; -1 when it is not
    /// narrowed to a policy, -2 when its policy is not a classified one (it then covers no finding).
    /// </summary>
    public int[] PolicyBits { get; }

    /// <summary>The acceptances expired on the capture date, in the order of the options.</summary>
    public AcceptedRisk[] Expired { get; }

    /// <summary>Whether there is any acceptance at all.</summary>
    public bool Any => InForce.Length + Expired.Length > 0;

    /// <summary>Splits <paramref name="all"/> at the capture date and resolves the policies through <paramref name="index"/>.</summary>
    public static Acceptances For(IReadOnlyList<AcceptedRisk> all, SnapshotIndex index)
    {
        if (all.Count == 0)
        {
            return None;
        }

        var capturedAt = index.Snapshot.CapturedAt;
        var inForce = all.Where(a => a.InForceAt(capturedAt)).ToArray();
        var bits = inForce.Select(a => a.PolicyId is null ? -1 : index.FindPolicy(a.PolicyId)?.Bit ?? -2).ToArray();
        return new Acceptances(inForce, bits, all.Where(a => !a.InForceAt(capturedAt)).ToArray());
    }
}
