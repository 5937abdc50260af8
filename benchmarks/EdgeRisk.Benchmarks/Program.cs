using BenchmarkDotNet.Running;
using EdgeRisk.Benchmarks;

// Runs any benchmark in this assembly: `dotnet run -c Release -- --filter '*Pipeline*' --job short`.
// `dotnet run -c Release -- plot-backtest artifacts/bench/backtest.json docs/benchmarks/backtest-vs-lean.png` draws the
// whole-process backtest plot from scripts/bench-backtest.sh instead.
if (args is ["plot-backtest", ..])
{
    return BacktestPlot.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
