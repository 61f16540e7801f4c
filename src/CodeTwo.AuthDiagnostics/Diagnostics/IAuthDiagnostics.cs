using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics;

/// <summary>The service hosts call: diagnose one user, or stream diagnoses for every user of a snapshot.</summary>
public interface IAuthDiagnostics
{
    /// <summary>Diagnoses one user (pure computation; never throws for a tenant state).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="user">The user (UPN or object id).</param>
    Diagnosis Diagnose(TenantSnapshot snapshot, UserRef user);

    /// <summary>
    /// Assesses one user: the verdict and the codes <see cref="Diagnose"/> would report (root causes marked), without
    /// text, evidence or plan. Per-user cost is a few set operations over the snapshot's index (built on first use), and
    /// nothing is allocated beyond the result.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="user">The user (UPN or object id).</param>
    Assessment Assess(TenantSnapshot snapshot, UserRef user);

    /// <summary>
    /// Assesses every user of the snapshot (then every missing user), in document order: the tenant-wide audit. Users are
    /// assessed in blocks on every core; memory is one block, whatever the number of users.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    IEnumerable<Assessment> AssessAll(TenantSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Diagnoses every user of the snapshot (then every missing user), streaming results.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="progress">Receives how many users are done out of how many; optional.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    IAsyncEnumerable<Diagnosis> DiagnoseAllAsync(TenantSnapshot snapshot, IProgress<DiagnosisProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>Progress of a tenant-wide diagnosis.</summary>
/// <param name="Completed">Users diagnosed so far.</param>
/// <param name="Total">Users to diagnose.</param>
public readonly record struct DiagnosisProgress(int Completed, int Total);
