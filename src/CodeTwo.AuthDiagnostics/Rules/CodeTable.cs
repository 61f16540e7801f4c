using System.Collections.Concurrent;
using System.Numerics;

namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// The codes an engine can report (<see cref="DiagnosticCatalog"/> and those of rules the host added), each given one bit
/// of a <see cref="ulong"/> (in code order), so that a set of codes is one word; with each code's descriptor and the
/// host's grading of it (disabled, re-graded). The code lists of the sets that occur are made once and shared (a tenant
/// has few distinct combinations).
/// </summary>
internal sealed class CodeTable
{
    /// <summary>How many codes a table can hold.</summary>
    public const int Capacity = 64;

    private const int CachedLists = 4096;
    private readonly DiagnosticDescriptor[] descriptors;
    private readonly Dictionary<string, int> bits;
    private readonly sbyte[] byNumber = new sbyte[1000];
    private readonly Severity[] severities;
    private readonly bool[] regraded;
    private readonly ulong disabled;
    private readonly ConcurrentDictionary<ulong, IReadOnlyList<string>> lists = new();

    /// <param name="descriptors">The codes, in the order their bits are given.</param>
    /// <param name="settings">The host's disabled and re-graded codes.</param>
    /// <exception cref="ArgumentException">More than <see cref="Capacity"/> codes.</exception>
    public CodeTable(IReadOnlyList<DiagnosticDescriptor> descriptors, DiagnosticsSettings settings)
    {
        if (descriptors.Count > Capacity)
        {
            throw new ArgumentException($"An engine can report at most {Capacity} codes; this one describes {descriptors.Count}.", nameof(descriptors));
        }

        this.descriptors = descriptors.ToArray();
        bits = new Dictionary<string, int>(StringComparer.Ordinal);
        Array.Fill(byNumber, (sbyte)-1);
        severities = new Severity[this.descriptors.Length];
        regraded = new bool[this.descriptors.Length];
        for (int i = 0; i < this.descriptors.Length; i++)
        {
            var descriptor = this.descriptors[i];
            bits.Add(descriptor.Code, i);
            if (Number(descriptor.Code) is int number and >= 0)
            {
                byNumber[number] = (sbyte)i;
            }

            regraded[i] = settings.SeverityOverrides.TryGetValue(descriptor.Code, out var severity);
            severities[i] = regraded[i] ? severity : descriptor.DefaultSeverity;
            disabled |= settings.DisabledCodes.Contains(descriptor.Code) ? 1UL << i : 0;
        }
    }

    /// <summary>The descriptors, in code order.</summary>
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => descriptors;

    /// <summary>The bit of <paramref name="code"/>, when the table holds it.</summary>
    /// <remarks>
    /// Every rule report asks this, so a catalog code (<c>APW</c> and three digits) is looked up by its number in an
    /// array, without hashing the string; other codes (a host's) go through the dictionary.
    /// </remarks>
    public bool TryBit(string code, out int bit)
    {
        if (Number(code) is int number and >= 0 && byNumber[number] >= 0)
        {
            bit = byNumber[number];
            return true;
        }

        return bits.TryGetValue(code, out bit);
    }

    /// <summary>The set holding <paramref name="code"/> alone; 0 for a code the table does not hold.</summary>
    public ulong Mask(string code) => TryBit(code, out int bit) ? 1UL << bit : 0;

    /// <summary>The number of a code shaped <c>APW</c> and three digits; -1 for any other.</summary>
    private static int Number(string code)
    {
        if (code.Length != 6 || code[0] != 'A' || code[1] != 'P' || code[2] != 'W')
        {
            return -1;
        }

        uint a = (uint)(code[3] - '0'), b = (uint)(code[4] - '0'), c = (uint)(code[5] - '0');
        return a <= 9 && b <= 9 && c <= 9 ? (int)((a * 100) + (b * 10) + c) : -1;
    }

    /// <summary>The descriptor of <paramref name="bit"/>.</summary>
    public DiagnosticDescriptor Descriptor(int bit) => descriptors[bit];

    /// <summary>Whether the host disabled the code of <paramref name="bit"/>.</summary>
    public bool IsDisabled(int bit) => (disabled & (1UL << bit)) != 0;

    /// <summary>
    /// The effective severity of a finding with the code of <paramref name="bit"/>: the host's grading first, else the one
    /// the rule <paramref name="graded"/> it at from the facts, else the catalog's default.
    /// </summary>
    public Severity Grade(int bit, Severity? graded) => regraded[bit] ? severities[bit] : graded ?? severities[bit];

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
            names[n++] = descriptors[BitOperations.TrailingZeroCount(rest)].Code;
        }

        var list = Array.AsReadOnly(names);
        if (lists.Count < CachedLists)
        {
            lists.TryAdd(set, list);
        }

        return list;
    }
}
