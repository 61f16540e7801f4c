using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Testing;

namespace CodeTwo.AuthDiagnostics.Benchmarks;

/// <summary>
/// Issue #11: the tenant-wide audit, <c>AssessAll</c> over 100,000 users and 200 Conditional Access policies, on one
/// thread and on every core; and the first run on a fresh engine (its index of the snapshot built inside).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class TenantWideBenchmarks
{
    public const int Users = 100_000;
    public const int Policies = 200;

    private TenantSnapshot snapshot = null!;
    private DiagnosticEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        snapshot = LargeTenantGenerator.Generate(Users, Policies).Snapshot;
        engine = new DiagnosticEngine();
        Count(engine.AssessAll(snapshot)); // the index, warm
    }

    [Benchmark(Description = "AssessAll, 100,000 users × 200 policies, every core")]
    public int AllCores() => Count(engine.AssessAll(snapshot, workers: null));

    [Benchmark(Description = "AssessAll, 100,000 users × 200 policies, one thread")]
    public int OneThread() => Count(engine.AssessAll(snapshot, workers: 1));

    [Benchmark(Description = "AssessAll on a new engine (index built inside), every core")]
    public int NewEngine() => Count(new DiagnosticEngine().AssessAll(snapshot));

    private static int Count(IEnumerable<Assessment> assessments)
    {
        int unavailable = 0;
        foreach (var assessment in assessments)
        {
            unavailable += assessment.Verdict == Verdict.Unavailable ? 1 : 0;
        }

        return unavailable;
    }
}
