using System.Numerics;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// Set operations on bit sets of Conditional Access policies (bit <c>i</c> = the <c>i</c>-th classified policy of a
/// <see cref="SnapshotIndex"/>), one <see cref="ulong"/> a word. The sets of one index all have the same length, so every
/// operation is a loop over a handful of words: 200 policies are 4 words.
/// </summary>
internal static class PolicyBits
{
    /// <summary>How many words hold <paramref name="count"/> bits.</summary>
    public static int Words(int count) => (count + 63) >> 6;

    /// <summary>Sets bit <paramref name="bit"/>.</summary>
    public static void Set(Span<ulong> set, int bit) => set[bit >> 6] |= 1UL << (bit & 63);

    /// <summary>Clears bit <paramref name="bit"/>.</summary>
    public static void Clear(Span<ulong> set, int bit) => set[bit >> 6] &= ~(1UL << (bit & 63));

    /// <summary>Whether bit <paramref name="bit"/> is set.</summary>
    public static bool IsSet(ReadOnlySpan<ulong> set, int bit) => (set[bit >> 6] & (1UL << (bit & 63))) != 0;

    /// <summary><paramref name="target"/> |= <paramref name="other"/>.</summary>
    public static void Or(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] |= other[i];
        }
    }

    /// <summary>Whether <paramref name="a"/> ∩ <paramref name="b"/> is not empty.</summary>
    public static bool Intersects(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if ((a[i] & b[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the set is empty.</summary>
    public static bool IsEmpty(ReadOnlySpan<ulong> set)
    {
        foreach (ulong word in set)
        {
            if (word != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bits set in both <paramref name="a"/> and <paramref name="b"/>, ascending (the policies' document order).</summary>
    public static List<int> Common(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var bits = new List<int>();
        for (int i = 0; i < a.Length; i++)
        {
            for (ulong word = a[i] & b[i]; word != 0; word &= word - 1)
            {
                bits.Add((i << 6) + BitOperations.TrailingZeroCount(word));
            }
        }

        return bits;
    }
}
