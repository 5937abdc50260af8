using EdgeRisk.Trading.Strategies;

namespace EdgeRisk.Benchmarks;

/// <summary>
/// Replay → decision throughput on one thread: 48 h of pre-loaded BTC+ETH+NVDA events through a fresh engine
/// (models, router, blender, risk, both execution models, ledgers). Results are per event (OperationsPerInvoke).
/// Goal: ≥ 2,000,000 events/s and 0 B per event in steady state (orders and fills allocate their records).
/// </summary>
[ReplayColumns]
public class PipelineThroughputBenchmarks
{
    private MarketEvent[] _events = [];
    private TradingConfig _config = new();
    private Trading.Routing.RouterConfig _router = new();

    /// <summary>Events in the 48 h tape (BTC 2880+2876, ETH 2880+2874, NVDA 390+390).</summary>
    public const int Events = 12_290;

    [Params("dual-horizon", "ema-cross")]
    public string Strategy { get; set; } = "dual-horizon";

    [GlobalSetup]
    public void Setup()
    {
        _events = BenchmarkData.Load48h();
        if (_events.Length != Events)
        {
            throw new InvalidOperationException($"Expected {Events} events in the 48 h tape, loaded {_events.Length}.");
        }

        _config = BenchmarkData.Config();
        _router = BenchmarkData.Router();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long ReplayAndDecide()
    {
        // A fresh engine per replay (its construction is part of the measured cost, a few KB): replaying the
        // same tape into a warm engine would run time backwards.
        IStrategy strategy = Strategy == "ema-cross" ? new EmaCrossStrategy(_config.EmaCross) : PipelineFactory.CreateStrategy(_config, _router);
        var engine = PipelineFactory.CreateEngine(_config, strategy);
        var events = _events;
        for (var i = 0; i < events.Length; i++)
        {
            engine.OnEvent(events[i]);
        }

        return engine.OrdersSubmitted;
    }
}
