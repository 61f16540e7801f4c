using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics;

/// <summary>The service hosts call: diagnose or assess one user, or assess every user of a snapshot.</summary>
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
    /// The tenant-wide audit: assesses every user of the snapshot in document order, then every missing user, streamed.
    /// Users are assessed in blocks of 4,096, each block on at most <see cref="AuthDiagnosticsOptions.MaxDegreeOfParallelism"/>
    /// threads (1: on the calling thread), and yielded as the block completes; memory is one block, whatever the number
    /// of users. For the words, evidence and plan of a user it lists, diagnose that user:
    /// <c>Diagnose(snapshot, UserRef.Parse(assessment.RequestedUser))</c>.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Stops the enumeration (between users, and within a block being assessed).</param>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing is yielded after that.</exception>
    /// <example>
    /// <code>
    /// foreach (Assessment assessment in diagnostics.AssessAll(snapshot, cancellationToken))
    /// {
    ///     Console.WriteLine($"{assessment.RequestedUser}: {assessment.Verdict}");
    /// }
    /// </code>
    /// </example>
    IEnumerable<Assessment> AssessAll(TenantSnapshot snapshot, CancellationToken cancellationToken = default);
}
