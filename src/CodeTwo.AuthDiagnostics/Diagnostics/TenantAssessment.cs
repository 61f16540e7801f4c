using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// The tenant-wide audit behind <see cref="IAuthDiagnostics.AssessAll"/>: users are assessed in blocks, each block on at
/// most the host's <see cref="AuthDiagnosticsOptions.MaxDegreeOfParallelism"/> threads (an assessment allocates nothing,
/// so threads do not compete for the garbage collector), and yielded in document order, then the missing users. Memory
/// is one block of results, whatever the number of users.
/// </summary>
internal static class TenantAssessment
{
    /// <summary>Users per block.</summary>
    internal const int BlockSize = 4096;

    /// <summary>Below this many users in a block, one thread is faster than starting others.</summary>
    internal const int ParallelThreshold = 512;

    /// <param name="engine">The engine.</param>
    /// <param name="index">The snapshot's index.</param>
    /// <param name="workers">Threads per block (1: the calling thread only); <see langword="null"/> for one per core.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static IEnumerable<Assessment> Run(DiagnosticEngine engine, SnapshotIndex index, int? workers, CancellationToken cancellationToken)
    {
        var users = index.Snapshot.Users;
        var missing = index.Snapshot.MissingUsers;
        var block = new Assessment[Math.Min(BlockSize, Math.Max(users.Count, 1))];
        int threads = Math.Max(1, workers ?? Environment.ProcessorCount);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        for (int start = 0; start < users.Count; start += block.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(block.Length, users.Count - start);
            if (threads > 1 && count >= ParallelThreshold)
            {
                // One contiguous range per thread: no per-user scheduling.
                int first = start;
                int slice = (count + threads - 1) / threads;
                Parallel.For(0, threads, options, w =>
                {
                    int from = w * slice;
                    int to = Math.Min(count, from + slice);
                    for (int i = from; i < to; i++)
                    {
                        var entry = users[first + i];
                        block[i] = engine.Assess(index, entry, entry.User.UserPrincipalName);
                    }
                });
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    var entry = users[start + i];
                    block[i] = engine.Assess(index, entry, entry.User.UserPrincipalName);
                }
            }

            for (int i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return block[i];
            }
        }

        foreach (string user in missing)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return engine.Assess(index, null, user);
        }
    }
}
