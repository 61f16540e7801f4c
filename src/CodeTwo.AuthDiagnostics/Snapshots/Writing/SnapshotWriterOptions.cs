using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;

namespace CodeTwo.AuthDiagnostics;

/// <summary>Options for <see cref="SnapshotWriter"/>.</summary>
public sealed class SnapshotWriterOptions
{
    /// <summary>
    /// Replace personal data (UPNs, names, mail addresses, display names, phone numbers, domain names) with stable
    /// pseudonyms before writing, so a customer can send the snapshot to support. Default <see langword="false"/>.
    /// </summary>
    public bool Redact { get; init; }

    /// <summary>The key that makes pseudonyms; see <see cref="SnapshotRedactor"/>. Default: derived from the tenant id.</summary>
    public string? RedactionKey { get; init; }

    /// <summary>The default options: no redaction.</summary>
    public static SnapshotWriterOptions Default { get; } = new();
}
