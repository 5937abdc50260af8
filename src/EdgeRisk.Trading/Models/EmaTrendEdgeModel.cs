using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Models;

/// <summary>
/// Hours-horizon model: edge = gain · (fastEMA − slowEMA) / slowEMA in bps, on trade closes. Confidence is the
/// trend's size relative to the slow window's expected noise (σ per bar · √slow), capped at 1. Quotes are ignored.
/// </summary>
public sealed class EmaTrendEdgeModel : IEdgeModel
{
    private readonly EmaTrendOptions _options;
    private State[] _states = new State[8];

    public EmaTrendEdgeModel(EmaTrendOptions? options = null)
    {
        _options = options ?? new EmaTrendOptions();
        if (_options.FastMinutes >= _options.SlowMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "FastMinutes must be below SlowMinutes.");
        }
    }

    public string Name => "long";

    public EdgeEstimate Estimate(in MarketEvent e)
    {
        ref var s = ref SymbolSlots.Of(ref _states, e.Symbol.Id);
        if (!s.Initialised)
        {
            s = new State(_options.FastMinutes, _options.SlowMinutes);
        }

        if (e.Kind == MarketEventKind.Trade)
        {
            s.Trend.Add((double)e.Close);
        }

        ref var t = ref s.Trend;
        if (!t.Slow.IsReady)
        {
            return EdgeEstimate.None;
        }

        var trend = (t.Fast.Value - t.Slow.Value) / t.Slow.Value;
        var noise = Math.Sqrt(t.Returns.Variance * _options.SlowMinutes);
        var confidence = noise > 0d ? Math.Min(1d, Math.Abs(trend) / noise) : 0d;
        return new EdgeEstimate(_options.Gain * trend * 10_000d, confidence);
    }

    private struct State(int fast, int slow)
    {
        public bool Initialised = true;
        public CloseTrend Trend = new(fast, slow, slow);
    }
}
