using System.Diagnostics;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CodeTwo.AuthDiagnostics.Planning;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CodeTwo.AuthDiagnostics.Benchmarks;

/// <summary>
/// Issue #19: the tenant-wide SARIF log of 10,000 users × 200 Conditional Access policies (target ≤ 3 s and ≤ 10 MB),
/// located in the generated snapshot's text. <see cref="MeasureOnce"/> is the short Stopwatch run recorded in
/// <c>bench/README.md</c> (<c>dotnet run -c Release --project bench/CodeTwo.AuthDiagnostics.Benchmarks -- sarif-once</c>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TenantSarifBenchmarks
{
    public const int Users = 10_000;
    public const int Policies = 200;

    private GeneratedTenant tenant = null!;
    private IAuthDiagnostics diagnostics = null!;

    [GlobalSetup]
    public void Setup()
    {
        tenant = LargeTenantGenerator.Generate(Users, Policies);
        diagnostics = Service();
    }

    [Benchmark(Description = "TenantSarif, 10,000 users × 200 policies, located in the snapshot")]
    public int Write()
    {
        using var buffer = new PooledBufferWriter(1 << 20);
        TenantSarif.Write(diagnostics, tenant.Snapshot, buffer, Options(tenant), progress: null, CancellationToken.None);
        return buffer.WrittenCount;
    }

    /// <summary>Generates the tenant, then times one log on a fresh service (index built inside) and one warm; prints sizes.</summary>
    public static void MeasureOnce(TextWriter output)
    {
        var generate = Stopwatch.StartNew();
        var tenant = LargeTenantGenerator.Generate(Users, Policies);
        output.WriteLine($"generated {Users:N0} users × {Policies} policies ({tenant.Utf8Json.Length / 1e6:F1} MB) in {generate.Elapsed.TotalSeconds:F1} s");
        var diagnostics = Service();
        foreach (string run in new[] { "cold (new service, index built inside)", "warm" })
        {
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var time = Stopwatch.StartNew();
            using var buffer = new PooledBufferWriter(1 << 20);
            TenantSarif.Write(diagnostics, tenant.Snapshot, buffer, Options(tenant), progress: null, CancellationToken.None);
            time.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            using var gzipped = new MemoryStream();
            using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(buffer.WrittenSpan);
            }

            output.WriteLine($"{run}: {time.Elapsed.TotalSeconds:F2} s, {buffer.WrittenCount / 1e6:F2} MB ({gzipped.Length / 1e6:F2} MB gzipped), {allocated / 1e9:F2} GB allocated");
        }
    }

    private static SarifOptions Options(GeneratedTenant tenant) => new() { SnapshotUtf8 = tenant.Utf8Json, SnapshotName = "generated.json" };

    private static IAuthDiagnostics Service() =>
        new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider().GetRequiredService<IAuthDiagnostics>();
}
