using BenchmarkDotNet.Running;
using EdgeRisk.Benchmarks;

// Runs any benchmark in this assembly: `dotnet run -c Release -- --filter '*Pipeline*' --job short`.
// `dotnet run -c Release -- plot-backtest artifacts/bench/backtest.json docs/benchmarks/backtest-vs-lean.png` draws the
// whole-process backtest plot from scripts/bench-backtest.sh instead; `dotnet run -c Release -- tuning-optimiser docs/benchmarks`
// runs Bayesian optimisation against random search on Branin and Hartmann-6 and writes tuning-optimiser.md/.json there.
if (args is ["plot-backtest", ..])
{
    return BacktestPlot.Run(args);
}

if (args is ["tuning-optimiser", ..])
{
    return TuningOptimiserBenchmark.Run(args);
}

if (args is ["tune", ..])
{
    return await TuneBenchmark.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
