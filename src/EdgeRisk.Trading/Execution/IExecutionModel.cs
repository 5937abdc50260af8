using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Execution;

/// <summary>
/// Decides how and when working orders fill. Orders fill against market events that arrive
/// <b>after</b> they were submitted; at most one order works per symbol.
/// </summary>
public interface IExecutionModel
{
    Book Book { get; }

    /// <summary>Replaces any working order of the same symbol.</summary>
    void Submit(Order order);

    /// <summary>Cancels the working order of the symbol, if any.</summary>
    void Cancel(Symbol symbol);

    /// <summary>Signed quantity still working for the symbol (buy positive).</summary>
    decimal WorkingQuantity(Symbol symbol);

    /// <summary>Fills working orders of <c>e.Symbol</c> against the event.</summary>
    void OnMarket(in MarketEvent e, IExecutionSink sink);
}
