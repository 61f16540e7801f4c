using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;

namespace CodeTwo.AuthDiagnostics.Benchmarks;

/// <summary>The first diagnosis in a fresh process: reading the seed snapshot, building the engine, diagnosing (JIT included).</summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 10, warmupCount: 0, iterationCount: 1)]
public class ColdStartBenchmarks
{
    [Benchmark(Description = "cold start: read seed + first diagnosis")]
    public Verdict FirstDiagnosis() => new DiagnosticEngine().Diagnose(Tenants.Seed(), UserRef.Parse("backup@contoso.com")).Verdict;
}
