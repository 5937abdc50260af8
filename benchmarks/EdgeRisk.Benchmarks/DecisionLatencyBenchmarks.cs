using System.Globalization;

namespace EdgeRisk.Benchmarks;

/// <summary>
/// Tick-to-decision latency: the engine measures each event from arrival to decided (orders submitted) with its
/// TimeProvider and reports it to the observer; this benchmark records every latency of each 48 h replay and
/// prints p50/p99/max over the most recent 100 replays at cleanup (BenchmarkDotNet's own statistics are per replay, not per event).
/// Goal: p99 &lt; 20 µs.
/// </summary>
[ReplayColumns]
public class DecisionLatencyBenchmarks
{
    private MarketEvent[] _events = [];
    private TradingConfig _config = new();
    private Trading.Routing.RouterConfig _router = new();
    private LatencyRecorder _recorder = new(0);

    [GlobalSetup]
    public void Setup()
    {
        _events = BenchmarkData.Load48h();
        _config = BenchmarkData.Config();
        _router = BenchmarkData.Router();
        _recorder = new LatencyRecorder(_events.Length * 100);
    }

    [Benchmark(OperationsPerInvoke = PipelineThroughputBenchmarks.Events)]
    public long ReplayRecordingLatency()
    {
        // A fresh engine per replay (time must not run backwards); construction is a few KB and not per event.
        var engine = PipelineFactory.CreateEngine(_config, PipelineFactory.CreateStrategy(_config, _router), _recorder);
        var events = _events;
        for (var i = 0; i < events.Length; i++)
        {
            engine.OnEvent(events[i]);
        }

        return engine.OrdersSubmitted;
    }

    [GlobalCleanup]
    public void Report() => Console.WriteLine(_recorder.Summary());

    private sealed class LatencyRecorder(int capacity) : NullPipelineObserver
    {
        private readonly long[] _ticks = new long[capacity];
        private int _count;

        private long _next;

        public override void OnDecisionLatency(TimeSpan latency)
        {
            // Ring buffer: the summary covers the most recent (warm, fully JIT-compiled) replays.
            _ticks[_next++ % _ticks.Length] = latency.Ticks;
            _count = (int)Math.Min(_next, _ticks.Length);
        }

        public string Summary()
        {
            if (_count == 0)
            {
                return "// tick-to-decision latency: no samples";
            }

            var sorted = _ticks[.._count];
            Array.Sort(sorted);
            double Micros(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))] / 10d;
            return string.Create(CultureInfo.InvariantCulture, $"// tick-to-decision latency over the last {_count} of {_next} events: p50={Micros(0.50):F1} µs p99={Micros(0.99):F1} µs p99.9={Micros(0.999):F1} µs max={sorted[^1] / 10d:F1} µs (TimeSpan resolution 0.1 µs)");
        }
    }
}
