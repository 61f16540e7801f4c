using System.Text.Json;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;

namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>
/// The format conventions of snapshot documents, for code that writes them piece by piece (a streaming capture) or
/// shows their values: how instants and clouds are written, and the writer settings of canonical output.
/// </summary>
internal static class SnapshotFormat
{
    /// <summary>Writer settings of canonical snapshot JSON: two-space indentation, <c>\n</c> line ends, relaxed escaping.</summary>
    public static JsonWriterOptions WriterOptions => SnapshotWriter.WriterOptions;

    /// <summary>An instant as snapshots store it: UTC, <c>Z</c>, fractional seconds only when present (<c>2026-11-24T09:30:00Z</c>).</summary>
    /// <param name="instant">The instant.</param>
    public static string FormatInstant(DateTimeOffset instant) => SnapshotWriter.FormatInstant(instant);

    /// <summary>The snapshot name of a cloud: <c>global</c>, <c>usGov</c>, <c>usGovDoD</c> or <c>china</c>.</summary>
    /// <param name="cloud">The cloud.</param>
    public static string CloudName(CloudEnvironment cloud) => GraphEnums.Cloud.ToText(cloud);
}
