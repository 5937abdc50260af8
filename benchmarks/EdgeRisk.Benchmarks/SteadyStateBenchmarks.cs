namespace EdgeRisk.Benchmarks;

/// <summary>
/// Steady-state cost of one decision once warm: the dual-horizon engine first replays the 48 h tape, then
/// keeps deciding on its last hour of events (shifted forward in time so the clock never runs backwards).
/// Measures per-event time and allocation without start-up effects.
/// </summary>
[ReplayColumns]
public class SteadyStateBenchmarks
{
    private const int Window = 2_000;
    private MarketEvent[] _tail = [];
    private TradingEngine _engine = null!;
    private TimeSpan _shift;

    [GlobalSetup]
    public void Setup()
    {
        var events = BenchmarkData.Load48h();
        var config = BenchmarkData.Config();
        _engine = PipelineFactory.CreateEngine(config, PipelineFactory.CreateStrategy(config, BenchmarkData.Router()));
        foreach (var e in events)
        {
            _engine.OnEvent(e);
        }

        _tail = events[^Window..];
        _shift = events[^1].Time - _tail[0].Time + TimeSpan.FromMinutes(1);
    }

    [Benchmark(OperationsPerInvoke = Window)]
    public long DecideWarm()
    {
        var tail = _tail;
        for (var i = 0; i < tail.Length; i++)
        {
            tail[i] = tail[i] with { Time = tail[i].Time + _shift };
            _engine.OnEvent(tail[i]);
        }

        return _engine.OrdersSubmitted;
    }
}
