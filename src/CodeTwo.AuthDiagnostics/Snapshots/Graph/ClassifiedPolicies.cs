namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>
/// Which Conditional Access policies of a snapshot the diagnosis classifies, and their bits: every policy that is not
/// disabled, numbered in document order. The engine's index and the reader (which turns What-If answers into bit sets
/// once, when the snapshot is read) both number them here, so their bits agree by construction.
/// </summary>
internal static class ClassifiedPolicies
{
    /// <summary>Whether the policy is classified (given a bit): every state but <c>disabled</c>.</summary>
    public static bool IsClassified(ConditionalAccessPolicy policy) => policy.State != ConditionalAccessPolicyState.Disabled;

    /// <summary>The bit of each classified policy by id (case-insensitive; the first of a duplicate id wins).</summary>
    public static Dictionary<string, int> BitsById(IReadOnlyList<ConditionalAccessPolicy> policies, out int count)
    {
        var bits = new Dictionary<string, int>(policies.Count, StringComparer.OrdinalIgnoreCase);
        count = 0;
        foreach (var policy in policies)
        {
            if (IsClassified(policy))
            {
                bits.TryAdd(policy.Id, count);
                count++;
            }
        }

        return bits;
    }
}
