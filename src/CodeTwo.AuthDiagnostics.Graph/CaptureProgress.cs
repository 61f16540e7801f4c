namespace CodeTwo.AuthDiagnostics.Graph;

/// <summary>How far a capture has come, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Phase">What the capture is doing.</param>
/// <param name="UsersCaptured">Users written so far.</param>
/// <param name="UsersTotal">All users to capture, when known (a tenant-wide capture asks <c>/users/$count</c>, best effort).</param>
/// <param name="Elapsed">Time since the capture started (on the injected <see cref="TimeProvider"/>).</param>
/// <param name="EstimatedRemaining">The time still needed at the pace so far, when the total is known and some users are done.</param>
/// <param name="Requests">HTTP requests sent so far (a <c>$batch</c> counts as one), retries included.</param>
/// <param name="Retries">Attempts repeated after 429, 503, 504, a timeout or a transport error.</param>
public readonly record struct CaptureProgress(CapturePhase Phase, int UsersCaptured, int? UsersTotal, TimeSpan Elapsed, TimeSpan? EstimatedRemaining, int Requests, int Retries);

/// <summary>The phase of a capture.</summary>
public enum CapturePhase
{
    /// <summary>Reading the tenant-wide sections.</summary>
    TenantSections = 0,

    /// <summary>Reading users and their sections.</summary>
    Users = 1,

    /// <summary>Done.</summary>
    Completed = 2,
}
