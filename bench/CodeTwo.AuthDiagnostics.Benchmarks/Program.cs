using BenchmarkDotNet.Running;
using CodeTwo.AuthDiagnostics.Benchmarks;

// dotnet run -c Release --project bench/CodeTwo.AuthDiagnostics.Benchmarks -- --filter '*'
// (add --job short for a quick run; see bench/README.md for the recorded results)
// dotnet run -c Release --project bench/CodeTwo.AuthDiagnostics.Benchmarks -- --html   (issue #19: one timed run of the tenant HTML)
if (args is ["--html", ..])
{
    await HtmlReportRun.RunAsync(args[1..]);
    return;
}

// sarif-once: one Stopwatch run of the tenant-wide SARIF log (issue #19), without BenchmarkDotNet's launches.
if (args is ["sarif-once"])
{
    CodeTwo.AuthDiagnostics.Benchmarks.TenantSarifBenchmarks.MeasureOnce(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
