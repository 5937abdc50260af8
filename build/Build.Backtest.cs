using EdgeRisk.Nuke;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;

namespace EdgeRisk.Build;

// Backtests and the shadow simulator's PnL statistics (the pnl_drift gate's sigma).
partial class Build
{
    Target Backtest => _ => _
        .Description("Runs the shadow simulator over all shipped history: artifacts/sim/pnl_stats.json")
        .DependsOn(Compile)
        .Inputs("data/lean/**", "config/*.json", "src/EdgeRisk.Trading/**/*.cs")
        .Outputs("artifacts/sim/pnl_stats.json")
        .Executes(() => DotNet($"\"{TradingHost}\" sim-stats --data data/lean --out \"{PnlStats}\""));
}
