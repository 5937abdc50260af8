using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Engine;

/// <summary>Ignores every pipeline signal.</summary>
public class NullPipelineObserver : IPipelineObserver
{
    public static readonly NullPipelineObserver Instance = new();

    public virtual void OnModelSwitch(Symbol symbol, HorizonRegime from, HorizonRegime to, DateTime time)
    {
    }

    public virtual void OnBlendedEdge(Symbol symbol, double edgeBps, DateTime time)
    {
    }

    public virtual void OnVarPct(double varPct, DateTime time)
    {
    }

    public virtual void OnOrder(Order order)
    {
    }

    public virtual void OnFill(Fill fill)
    {
    }

    public virtual void OnPnl(Symbol symbol, Book book, decimal pnlUsd)
    {
    }

    public virtual void OnDecisionLatency(TimeSpan latency)
    {
    }
}
