namespace CodeTwo.AuthDiagnostics.Testing.Internal;

/// <summary>
/// SplitMix64: a tiny pseudo-random generator whose sequence for a seed is fixed by this code alone (unlike
/// <see cref="Random"/>, whose algorithm is an implementation detail), so generated tenants are identical everywhere.
/// </summary>
internal sealed class DeterministicRandom(int seed)
{
    private ulong state = 0x5DEECE66DUL ^ (ulong)(uint)seed ^ ((ulong)(uint)seed << 32);

    public ulong NextUInt64()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A number in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary><paramref name="count"/> distinct items (fewer if the list is shorter), in list order of drawing.</summary>
    public List<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        count = Math.Min(count, items.Count);
        var chosen = new List<T>(count);
        var used = new HashSet<int>();
        while (chosen.Count < count)
        {
            int index = Next(items.Count);
            if (used.Add(index))
            {
                chosen.Add(items[index]);
            }
        }

        return chosen;
    }
}
