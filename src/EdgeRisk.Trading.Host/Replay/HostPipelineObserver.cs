using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Host.Replay;

/// <summary>
/// The engine's observer in the host: every signal goes to the metrics, every fill also to the journal (none for the
/// warm-up pass, see <see cref="ReplayWarmup"/>).
/// </summary>
public sealed class HostPipelineObserver(TradingMetrics metrics, RedisJournal? journal) : IPipelineObserver
{
    public long Fills { get; private set; }

    public void OnModelSwitch(Symbol symbol, HorizonRegime from, HorizonRegime to, DateTime time) => metrics.OnModelSwitch(symbol, from, to, time);

    public void OnBlendedEdge(Symbol symbol, double edgeBps, DateTime time) => metrics.OnBlendedEdge(symbol, edgeBps, time);

    public void OnVarPct(double varPct, DateTime time) => metrics.OnVarPct(varPct, time);

    public void OnOrder(Order order) => metrics.OnOrder(order);

    public void OnFill(Fill fill)
    {
        journal?.Append(fill);
        metrics.OnFill(fill);
        Fills++;
    }

    public void OnPnl(Symbol symbol, Book book, decimal pnlUsd) => metrics.OnPnl(symbol, book, pnlUsd);

    public void OnDecisionLatency(TimeSpan latency) => metrics.OnDecisionLatency(latency);
}
