namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// Where the SARIF logs of <see cref="DiagnosisSarif"/> and <see cref="TenantSarif"/> say the snapshot is: every result's
/// <c>physicalLocation</c> names the snapshot file (its <c>uri</c> relative to the <c>uriBaseId</c> <c>%SRCROOT%</c>) and
/// the line and column of the finding's first evidence pointer in that file's text. Without options (or with neither a
/// path nor the text) the snapshot is <c>snapshot.json</c> and every region is line 1.
/// </summary>
/// <example>
/// <code>var options = new SarifOptions { SnapshotPath = "tenant.json", SourceRoot = Environment.CurrentDirectory };
/// await TenantSarif.WriteAsync(diagnostics, snapshot, file, options, progress: null, cancellationToken);</code>
/// </example>
public sealed class SarifOptions
{
    /// <summary>The name of the snapshot in the log when neither <see cref="SnapshotPath"/> nor <see cref="SnapshotName"/> is given.</summary>
    internal const string DefaultSnapshotName = "snapshot.json";

    /// <summary>Options that locate nothing: the snapshot is <c>snapshot.json</c>, every region line 1.</summary>
    internal static SarifOptions Default { get; } = new();

    /// <summary>
    /// The snapshot file that was diagnosed: read once per log to locate the evidence, and named relative to
    /// <see cref="SourceRoot"/> (a file outside it is named by its absolute <c>file:</c> URI).
    /// </summary>
    public string? SnapshotPath { get; init; }

    /// <summary>
    /// The directory <c>%SRCROOT%</c> stands for (<c>run.originalUriBaseIds</c>); for code scanning, the repository's root.
    /// Default: the current directory when <see cref="SnapshotPath"/> is given, else none (the consumer resolves
    /// <c>%SRCROOT%</c>, as code scanning does with the checkout).
    /// </summary>
    public string? SourceRoot { get; init; }

    /// <summary>
    /// The snapshot's name (a relative URI such as <c>captures/tenant.json</c>) when it is not read from
    /// <see cref="SnapshotPath"/>: the embedded sample, a live capture, a document a host holds in memory.
    /// Default: the path relative to <see cref="SourceRoot"/>, else <c>snapshot.json</c>.
    /// </summary>
    public string? SnapshotName { get; init; }

    /// <summary>
    /// The snapshot's UTF-8 text when it is not read from <see cref="SnapshotPath"/> (empty: read the path, or locate
    /// nothing). It must be the text that was diagnosed: evidence pointers are looked up in it.
    /// </summary>
    public ReadOnlyMemory<byte> SnapshotUtf8 { get; init; }

    /// <summary>What the log says about the snapshot (<c>artifacts[0].description</c>), for example that it is not a file.</summary>
    public string? SnapshotDescription { get; init; }
}
