using System.Collections.Concurrent;
using System.Numerics;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// The codes an engine can report, each given one bit of a <see cref="ulong"/> (in code order), so that a set of codes is
/// one word. The code lists of the sets that occur are made once and shared (a tenant has few distinct combinations).
/// </summary>
internal sealed class CodeTable
{
    /// <summary>How many codes a table can hold.</summary>
    public const int Capacity = 64;

    private const int CachedLists = 4096;
    private readonly string[] codes;
    private readonly Dictionary<string, int> bits;
    private readonly ConcurrentDictionary<ulong, IReadOnlyList<string>> lists = new();

    /// <param name="codes">The codes, in the order their bits are given.</param>
    /// <exception cref="ArgumentException">More than <see cref="Capacity"/> codes.</exception>
    public CodeTable(IReadOnlyList<string> codes)
    {
        if (codes.Count > Capacity)
        {
            throw new ArgumentException($"An engine can report at most {Capacity} codes; this one describes {codes.Count}.", nameof(codes));
        }

        this.codes = codes.ToArray();
        bits = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < this.codes.Length; i++)
        {
            bits.Add(this.codes[i], i);
        }
    }

    /// <summary>The bit of <paramref name="code"/>.</summary>
    /// <exception cref="KeyNotFoundException">The code is not in the table.</exception>
    public int Bit(string code) => bits[code];

    /// <summary>The set holding <paramref name="code"/> alone; 0 for a code the table does not hold.</summary>
    public ulong Mask(string code) => bits.TryGetValue(code, out int bit) ? 1UL << bit : 0;

    /// <summary>The code of <paramref name="bit"/>.</summary>
    public string Code(int bit) => codes[bit];

    /// <summary>The codes of a set, in code order (a shared, read-only list).</summary>
    public IReadOnlyList<string> Names(ulong set)
    {
        if (set == 0)
        {
            return [];
        }

        if (lists.TryGetValue(set, out var cached))
        {
            return cached;
        }

        var names = new string[BitOperations.PopCount(set)];
        int n = 0;
        for (ulong rest = set; rest != 0; rest &= rest - 1)
        {
            names[n++] = codes[BitOperations.TrailingZeroCount(rest)];
        }

        var list = Array.AsReadOnly(names);
        if (lists.Count < CachedLists)
        {
            lists.TryAdd(set, list);
        }

        return list;
    }
}
