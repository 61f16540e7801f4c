using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using CodeTwo.AuthDiagnostics.Testing;

namespace CodeTwo.AuthDiagnostics.Benchmarks;

/// <summary>The benchmark inputs: the seed fixture and a generated tenant (10,000 users, 200 Conditional Access policies).</summary>
internal static class Tenants
{
    public const int LargeUsers = 10_000;
    public const int LargePolicies = 200;

    public static TenantSnapshot Seed() =>
        new SnapshotReader().ReadAsync(typeof(Tenants).Assembly.GetManifestResourceStream("seed.json")!).GetAwaiter().GetResult();

    public static GeneratedTenant Large() => LargeTenantGenerator.Generate(LargeUsers, LargePolicies);
}
