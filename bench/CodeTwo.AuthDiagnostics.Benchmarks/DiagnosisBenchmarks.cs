using BenchmarkDotNet.Attributes;

using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;

namespace CodeTwo.AuthDiagnostics.Benchmarks;

/// <summary>Steady-state costs: one diagnosis (index warm), a tenant-wide run, and reading the large snapshot.</summary>
[MemoryDiagnoser]
public class DiagnosisBenchmarks
{
    private DiagnosticEngine engine = null!;
    private TenantSnapshot seed = null!;
    private TenantSnapshot large = null!;
    private byte[] largeJson = null!;
    private UserRef seedUser = null!;
    private UserRef largeUser = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = new DiagnosticEngine();
        seed = Tenants.Seed();
        var generated = Tenants.Large();
        large = generated.Snapshot;
        largeJson = generated.Utf8Json;
        seedUser = UserRef.Parse("backup@contoso.com");
        largeUser = UserRef.Parse(large.Users[large.Users.Count / 2].User.UserPrincipalName);
        engine.Diagnose(seed, seedUser);
        engine.Diagnose(large, largeUser);
    }

    [Benchmark(Description = "one user, seed fixture")]
    public Verdict OneUserSeed() => engine.Diagnose(seed, seedUser).Verdict;

    [Benchmark(Description = "one user, 10,000 users / 200 CA policies")]
    public Verdict OneUserLargeTenant() => engine.Diagnose(large, largeUser).Verdict;

    [Benchmark(Description = "all 10,000 users, 200 CA policies")]
    public int AllUsersLargeTenant()
    {
        int unavailable = 0;
        foreach (var diagnosis in engine.DiagnoseAll(large))
        {
            if (diagnosis.Verdict == Verdict.Unavailable)
            {
                unavailable++;
            }
        }

        return unavailable;
    }

    [Benchmark(Description = "read the 10,000-user snapshot")]
    public int ReadLargeSnapshot() => new SnapshotReader().Read(largeJson).Users.Count;
}
