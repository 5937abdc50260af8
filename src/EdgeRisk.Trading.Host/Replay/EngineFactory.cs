using EdgeRisk.Trading.Backtesting;
using EdgeRisk.Trading.Engine;
using EdgeRisk.Trading.Execution;
using EdgeRisk.Trading.Host.Journal;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Host.Replay;

/// <summary>The live engine: the same default configuration as backtest and sim-stats, over the recovered books.</summary>
public static class EngineFactory
{
    public static TradingEngine Create(RecoveredState recovered, IPipelineObserver observer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(recovered);
        var config = new TradingConfig();
        var strategy = PipelineFactory.CreateStrategy(config, new RouterConfig());
        return new TradingEngine(strategy, recovered.Paper, recovered.Sim, recovered.LastOrderId, config.Engine, observer, time,
            new PaperExecutionModel(config.Paper), new SimExecutionModel());
    }
}
