using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Models;

/// <summary>
/// Minutes-horizon model. Edge = −gain · z · σ, where z is the distance of the last close from its EMA in
/// units of the EW deviation σ (expected reversion), plus a microstructure term from the latest quote:
/// imbalance (bidSize − askSize)/(bidSize + askSize) times half the spread. Confidence ramps with |z| once warm.
/// </summary>
public sealed class MeanReversionEdgeModel : IEdgeModel
{
    private readonly MeanReversionOptions _options;
    private State[] _states = new State[8];

    public MeanReversionEdgeModel(MeanReversionOptions? options = null) => _options = options ?? new MeanReversionOptions();

    public string Name => "short";

    public EdgeEstimate Estimate(in MarketEvent e)
    {
        ref var s = ref SymbolSlots.Of(ref _states, e.Symbol.Id);
        if (!s.Initialised)
        {
            s = new State(_options.LookbackMinutes);
        }

        if (e.Kind == MarketEventKind.Trade)
        {
            var close = (double)e.Close;
            s.Mean.Add(close);
            s.Deviation.Add((close - s.Mean.Value) / close);
            s.LastClose = close;
        }
        else
        {
            var bidSize = (double)e.BidSize;
            var askSize = (double)e.AskSize;
            var bid = (double)e.Bid;
            var ask = (double)e.Ask;
            var mid = (bid + ask) / 2d;
            s.Imbalance = bidSize + askSize > 0d ? (bidSize - askSize) / (bidSize + askSize) : 0d;
            s.HalfSpreadBps = mid > 0d ? (ask - bid) / mid * 5_000d : 0d;
        }

        if (!s.Mean.IsReady || s.Deviation.Variance <= 0d)
        {
            return EdgeEstimate.None;
        }

        var sigma = s.Deviation.StdDev;
        var z = ((s.LastClose - s.Mean.Value) / s.LastClose) / sigma;
        var edge = (-_options.ReversionGain * z * sigma * 10_000d) + (_options.ImbalanceGain * s.Imbalance * s.HalfSpreadBps);
        var confidence = 1d - Math.Exp(-Math.Abs(z));
        return new EdgeEstimate(edge, confidence);
    }

    private struct State(int lookback)
    {
        public bool Initialised = true;
        public ExponentialAverage Mean = new(lookback);
        public ExponentialVariance Deviation = new(lookback);
        public double LastClose;
        public double Imbalance;
        public double HalfSpreadBps;
    }
}
