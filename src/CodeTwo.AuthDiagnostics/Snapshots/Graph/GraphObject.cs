using System.Text.Json;

namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>
/// Base of every typed Graph payload in a snapshot. The typed properties of a derived type are a read-only
/// view over <see cref="Json"/>, which keeps the payload exactly as Graph returned it (unknown properties
/// included), so a snapshot survives a read → write → read round trip without loss.
/// </summary>
internal abstract record GraphObject
{
    /// <summary>The payload as it stands in the snapshot, Graph-native, unknown properties included.</summary>
    public JsonElement Json { get; internal init; }
}
