using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Models;

namespace EdgeRisk.Trading.Routing;

/// <summary>
/// Rule-based regime selection per symbol with hysteresis (separate enter/exit thresholds) and a minimum dwell
/// time. Starts in <see cref="HorizonRegime.Short"/>; trend and volatility come from trade closes.
/// </summary>
public sealed class RegimeRouter : IHorizonRouter
{
    private readonly RouterConfig _config;
    private readonly TimeSpan _minDwell;
    private State[] _states = new State[8];

    public RegimeRouter(RouterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        RouterConfigValidator.ThrowIfInvalid(config, "router config");
        _config = config;
        _minDwell = TimeSpan.FromMinutes(config.MinDwellMinutes);
    }

    public RouterDecision Route(in MarketEvent e, IModelSwitchObserver observer)
    {
        ref var s = ref StateOf(e.Symbol.Id);
        if (e.Kind != MarketEventKind.Trade)
        {
            return new RouterDecision(s.Regime, _config.WeightsOf(s.Regime));
        }

        ref var t = ref s.Trend;
        t.Add((double)e.Close);
        if (!t.Slow.IsReady || t.Returns.Variance <= 0d)
        {
            if (s.SinceSwitch == default)
            {
                s.SinceSwitch = e.Time;
            }

            return new RouterDecision(s.Regime, _config.WeightsOf(s.Regime));
        }

        var sigma = t.Returns.StdDev;
        var trendStrength = Math.Abs(Math.Log(t.Fast.Value / t.Slow.Value)) / (sigma * Math.Sqrt(_config.TrendSlowMinutes));
        return Evaluate(e.Symbol, trendStrength, sigma * 10_000d, e.Time, observer);
    }

    /// <summary>
    /// Applies the regime rules to given measurements; <see cref="Route"/> calls this after updating its estimates.
    /// Short → Long when trend ≥ trendEnter and vol ≤ maxVolatilityBps; Long → Short when trend ≤ trendExit or
    /// vol &gt; maxVolatilityBps·(1 + volatilityHysteresis); never before minDwellMinutes in the current regime.
    /// </summary>
    public RouterDecision Evaluate(Symbol symbol, double trendStrength, double volatilityBps, DateTime time, IModelSwitchObserver observer)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(observer);
        ref var s = ref StateOf(symbol.Id);
        if (s.SinceSwitch == default)
        {
            s.SinceSwitch = time;
        }

        var from = s.Regime;
        var to = from;
        if (time - s.SinceSwitch >= _minDwell)
        {
            if (from == HorizonRegime.Short && trendStrength >= _config.TrendEnter && volatilityBps <= _config.MaxVolatilityBps)
            {
                to = HorizonRegime.Long;
            }
            else if (from == HorizonRegime.Long && (trendStrength <= _config.TrendExit || volatilityBps > _config.MaxVolatilityBps * (1d + _config.VolatilityHysteresis)))
            {
                to = HorizonRegime.Short;
            }
        }

        if (to != from)
        {
            s.Regime = to;
            s.SinceSwitch = time;
            s.Switches++;
            observer.OnModelSwitch(symbol, from, to, time);
        }

        return new RouterDecision(s.Regime, _config.WeightsOf(s.Regime));
    }

    /// <summary>Current regime of a symbol (Short before any data).</summary>
    public HorizonRegime RegimeOf(Symbol symbol) => symbol.Id < _states.Length ? _states[symbol.Id].Regime : HorizonRegime.Short;

    /// <summary>Number of switches of a symbol so far.</summary>
    public int SwitchesOf(Symbol symbol) => symbol.Id < _states.Length ? _states[symbol.Id].Switches : 0;

    private ref State StateOf(int id)
    {
        ref var s = ref SymbolSlots.Of(ref _states, id);
        if (!s.Initialised)
        {
            s = new State(_config);
        }

        return ref s;
    }

    private struct State(RouterConfig config)
    {
        public bool Initialised = true;
        public HorizonRegime Regime = HorizonRegime.Short;
        public DateTime SinceSwitch;
        public int Switches;
        public CloseTrend Trend = new(config.TrendFastMinutes, config.TrendSlowMinutes, config.VolatilityWindowMinutes);
    }
}
