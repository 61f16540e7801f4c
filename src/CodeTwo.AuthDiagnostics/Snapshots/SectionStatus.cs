namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// Whether a snapshot section was read (the section's <c>status</c>: <c>notCaptured</c>, <c>captured</c> or <c>failed</c>).
/// Data that could not be read is never treated as "off" or "empty". See <see cref="SnapshotSection.Status"/>.
/// </summary>
public enum SectionStatus
{
    /// <summary>Nobody tried to read it (not requested, or no API exists). Also the status of a section absent from the document.</summary>
    NotCaptured = 0,

    /// <summary>The value was read; <see cref="SnapshotSection.Value"/> holds it.</summary>
    Captured = 1,

    /// <summary>Reading was tried and failed; <see cref="SnapshotSection.HttpStatus"/> and <see cref="SnapshotSection.RequiredPermissions"/> say why.</summary>
    Failed = 2,
}
