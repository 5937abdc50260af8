using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Host.Metrics;

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>The checks every exchange frame parser makes before an event reaches the engine, counting each rejection.</summary>
internal sealed class FrameRejections(Action<string> reject)
{
    /// <summary>True with the symbol when the exchange's name is one the feed trades; else counted as unknown_symbol.</summary>
    public bool Known(Symbol? found, out Symbol symbol)
    {
        if (found is not null)
        {
            symbol = found;
            return true;
        }

        symbol = null!;
        reject(RejectReasonLabel.UnknownSymbol);
        return false;
    }

    /// <summary>True for a price above zero; else counted as non_positive_price.</summary>
    public bool Positive(decimal price)
    {
        if (price > 0m)
        {
            return true;
        }

        reject(RejectReasonLabel.NonPositivePrice);
        return false;
    }
}
