namespace CodeTwo.AuthDiagnostics.Snapshots;

/// <summary>Whether a snapshot section was read. Data that could not be read is never treated as "off" or "empty".</summary>
internal enum SectionStatus
{
    /// <summary>Nobody tried to read it (not requested, or no API exists). Also the status of a section absent from the document.</summary>
    NotCaptured = 0,

    /// <summary>The value was read; <see cref="Section{T}.Value"/> holds it.</summary>
    Captured = 1,

    /// <summary>Reading was tried and failed; <see cref="Section{T}.Error"/> says why.</summary>
    Failed = 2,
}
