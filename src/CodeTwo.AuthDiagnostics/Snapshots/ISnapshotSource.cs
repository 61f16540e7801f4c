using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics;

/// <summary>Reads the tenant into a snapshot (live capture, or an in-memory tenant in tests); the plan runner's verify steps use it.</summary>
public interface ISnapshotSource
{
    /// <summary>Captures the tenant sections and the requested users.</summary>
    /// <param name="request">What to capture.</param>
    /// <param name="cancellationToken">Cancels the capture.</param>
    Task<TenantSnapshot> CaptureAsync(SnapshotRequest request, CancellationToken cancellationToken);
}
