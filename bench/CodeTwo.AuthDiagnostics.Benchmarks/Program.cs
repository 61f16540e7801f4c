using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CodeTwo.AuthDiagnostics.Benchmarks -- --filter '*'
// (add --job short for a quick run; see bench/README.md for the recorded results)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
