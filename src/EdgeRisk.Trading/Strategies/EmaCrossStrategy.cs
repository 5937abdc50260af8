using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Engine;
using EdgeRisk.Trading.Models;

namespace EdgeRisk.Trading.Strategies;

/// <summary>
/// Reference strategy: EMA(fast)/EMA(slow) long-only crossover on minute closes. Once both EMAs are warm,
/// buys a fixed notional when fast &gt; slow and flat, and goes flat when fast &lt; slow and long. Quotes are ignored.
/// </summary>
public sealed class EmaCrossStrategy : IStrategy
{
    private readonly EmaCrossOptions _options;
    private State[] _states = new State[8];

    public EmaCrossStrategy(EmaCrossOptions? options = null)
    {
        _options = options ?? new EmaCrossOptions();
        if (_options.FastPeriod < 1 || _options.FastPeriod >= _options.SlowPeriod || _options.NotionalUsd <= 0m || _options.QuantityStep <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Need 1 ≤ FastPeriod < SlowPeriod, NotionalUsd > 0 and QuantityStep > 0.");
        }
    }

    public string Name => "ema-cross";

    public void OnEvent(in MarketEvent e, PortfolioTargets targets, IPipelineObserver observer)
    {
        if (e.Kind != MarketEventKind.Trade)
        {
            return;
        }

        ref var s = ref SymbolSlots.Of(ref _states, e.Symbol.Id);
        if (!s.Initialised)
        {
            s = new State(_options.FastPeriod, _options.SlowPeriod);
        }

        var close = (double)e.Close;
        s.Fast.Add(close);
        s.Slow.Add(close);
        if (!s.Fast.IsReady || !s.Slow.IsReady)
        {
            return;
        }

        if (!s.Long && s.Fast.Value > s.Slow.Value)
        {
            var quantity = decimal.Floor(_options.NotionalUsd / e.Close / _options.QuantityStep) * _options.QuantityStep;
            if (quantity > 0m)
            {
                s.Long = true;
                targets.Set(e.Symbol, quantity);
            }
        }
        else if (s.Long && s.Fast.Value < s.Slow.Value)
        {
            s.Long = false;
            targets.Set(e.Symbol, 0m);
        }
    }

    private struct State(int fast, int slow)
    {
        public bool Initialised = true;
        public ExponentialAverage Fast = new(fast);
        public ExponentialAverage Slow = new(slow);
        public bool Long;
    }
}
