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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
