using BenchmarkDotNet.Running;

// Runs any benchmark in this assembly: `dotnet run -c Release -- --filter '*Pipeline*' --job short`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
