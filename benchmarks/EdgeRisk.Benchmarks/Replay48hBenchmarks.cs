namespace EdgeRisk.Benchmarks;

/// <summary>
/// End to end: 48 virtual hours of BTC-USD + ETH-USD (LEAN zips decoded and parsed) + SYNTHETIC NVDA replayed
/// as fast as possible and decided by the dual-horizon strategy. Goal: &lt; 10 s.
/// </summary>
[ReplayColumns]
public class Replay48hBenchmarks
{
    private TradingConfig _config = new();
    private Trading.Routing.RouterConfig _router = new();

    [GlobalSetup]
    public void Setup()
    {
        _config = BenchmarkData.Config();
        _router = BenchmarkData.Router();
    }

    [Benchmark]
    public long Replay48hBtcEthNvda()
    {
        var result = Backtester.Run(new BacktestOptions
        {
            DataRoot = BenchmarkData.DataRoot,
            Symbols = ["BTC-USD", "ETH-USD", "NVDA"],
            Strategy = PipelineFactory.CreateStrategy(_config, _router),
            Config = _config,
        });
        return result.EventsProcessed;
    }
}
