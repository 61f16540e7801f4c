using System.Collections.Frozen;

namespace CodeTwo.AuthDiagnostics.Snapshots.Reading;

/// <summary>
/// Maps Graph enum strings to an enum whose default member is <c>Unknown</c>, and back. Unknown strings map to
/// <c>Unknown</c> (Graph adds values over time: they are kept, never an error).
/// </summary>
internal sealed class GraphEnumMap<TEnum>
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<string, TEnum> toEnum;
    private readonly FrozenDictionary<TEnum, string> toText;

    public GraphEnumMap(params (string Text, TEnum Value)[] pairs)
    {
        toEnum = pairs.ToFrozenDictionary(p => p.Text, p => p.Value, StringComparer.OrdinalIgnoreCase);
        toText = pairs.GroupBy(p => p.Value).ToFrozenDictionary(g => g.Key, g => g.First().Text);
    }

    public TEnum Parse(string text) => toEnum.TryGetValue(text, out var value) ? value : default;

    public string ToText(TEnum value) =>
        toText.TryGetValue(value, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name}.{value} has no Graph value.");

    public IEnumerable<string> Texts => toText.Values;
}
