using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CodeTwo.AuthDiagnostics.Benchmarks -- --filter '*'
// (add --job short for a quick run; see bench/README.md for the recorded results)
// sarif-once: one Stopwatch run of the tenant-wide SARIF log (issue #19), without BenchmarkDotNet's launches.
if (args is ["sarif-once"])
{
    CodeTwo.AuthDiagnostics.Benchmarks.TenantSarifBenchmarks.MeasureOnce(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
