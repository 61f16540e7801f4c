using System.Diagnostics;
using System.Globalization;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CodeTwo.AuthDiagnostics.Benchmarks;

/// <summary>
/// Issue #19: one measured run of the tenant-wide HTML dashboard (<see cref="TenantHtml"/>) written to a file, as
/// <c>diagnose --all-users --format html &gt; tenant.html</c> does, at 10,000 and 100,000 users × 200 policies. A single
/// Stopwatch run (after a warm-up on a small tenant), not a BenchmarkDotNet job: one run of 100,000 users takes seconds.
/// </summary>
/// <remarks>dotnet run -c Release --project bench/CodeTwo.AuthDiagnostics.Benchmarks -- --html [users …]</remarks>
internal static class HtmlReportRun
{
    public static async Task RunAsync(string[] args)
    {
        int[] sizes = args.Length > 0 ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [10_000, 100_000];
        using var provider = new ServiceCollection().AddAuthDiagnostics().Services.BuildServiceProvider();
        var diagnostics = provider.GetRequiredService<IAuthDiagnostics>();
        string path = Path.Combine(Path.GetTempPath(), "c2authdiag-bench-tenant.html");

        // Warm-up: JIT and the engine's first use, on a small tenant.
        await Write(diagnostics, LargeTenantGenerator.Generate(1_000, Tenants.LargePolicies).Snapshot, path);

        Console.WriteLine("| users × policies | time | file | allocated | peak working set (process) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (int users in sizes)
        {
            var snapshot = LargeTenantGenerator.Generate(users, Tenants.LargePolicies).Snapshot;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            await Write(diagnostics, snapshot, path);
            clock.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {users:N0} × {Tenants.LargePolicies} | {clock.Elapsed.TotalSeconds:0.00} s | {new FileInfo(path).Length / 1e6:0.0} MB | {allocated / 1e9:0.00} GB | {process.PeakWorkingSet64 / 1e6:0} MB |"));
        }

        File.Delete(path);
    }

    private static async Task Write(IAuthDiagnostics diagnostics, TenantSnapshot snapshot, string path)
    {
        await using var file = File.Create(path);
        await TenantHtml.WriteAsync(diagnostics, snapshot, file, progress: null, CancellationToken.None);
    }
}
