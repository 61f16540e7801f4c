// Capture benchmarks against the fake Graph (see bench/README.md).
//
//   dotnet run -c Release --project bench/CodeTwo.AuthDiagnostics.Graph.Benchmarks -- --waves [--latency-ms 50]
//   dotnet run -c Release --project bench/CodeTwo.AuthDiagnostics.Graph.Benchmarks -- --signins [--latency-ms 50]
//   dotnet run -c Release --project bench/CodeTwo.AuthDiagnostics.Graph.Benchmarks -- --filter '*' --job short
using System.Globalization;
using BenchmarkDotNet.Running;
using CodeTwo.AuthDiagnostics.Graph.Benchmarks;

if (args.Contains("--signins"))
{
    int at = Array.IndexOf(args, "--latency-ms");
    int latency = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 50;
    await WaveReport.RunSignInsAsync(Console.Out, TimeSpan.FromMilliseconds(latency));
    return;
}

if (args.Contains("--waves"))
{
    int at = Array.IndexOf(args, "--latency-ms");
    int latency = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 50;
    await WaveReport.RunAsync(Console.Out, TimeSpan.FromMilliseconds(latency));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CaptureBenchmarks).Assembly).Run(args);
