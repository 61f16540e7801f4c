namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>What a streamed tenant-wide capture wrote (<see cref="GraphSnapshotSource.CaptureTenantAsync"/>).</summary>
/// <param name="TenantId">The tenant id written into the snapshot.</param>
/// <param name="Users">User entries written.</param>
/// <param name="FailedSections">Sections written as <c>failed</c> (tenant and user sections together).</param>
/// <param name="Requests">HTTP requests sent (a <c>$batch</c> counts as one), retries included.</param>
/// <param name="Retries">Attempts repeated after 429, 503, 504, a timeout or a transport error.</param>
/// <param name="Elapsed">How long the capture took (on the injected <see cref="TimeProvider"/>).</param>
public sealed record TenantCaptureResult(Guid TenantId, int Users, int FailedSections, int Requests, int Retries, TimeSpan Elapsed);
