using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Statistics;

/// <summary>
/// One closed round trip of a symbol: from a fill that opens a position out of flat to the fill that brings it back to
/// flat (or flips it; the flipping fill's fee is split pro rata by quantity). <see cref="PnlUsd"/> is the trip's
/// cash flow: sale proceeds − purchase cost − fees.
/// </summary>
public sealed record RoundTrip(string Symbol, DateTime Opened, DateTime Closed, decimal PnlUsd)
{
    /// <summary>The closed round trips in <paramref name="fills"/> (one book's, in sequence order); open positions at the end are left out.</summary>
    public static IReadOnlyList<RoundTrip> From(IReadOnlyList<Fill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var open = new Dictionary<string, OpenTrip>(StringComparer.Ordinal);
        var closed = new List<RoundTrip>();
        foreach (var fill in fills)
        {
            var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
            if (!open.TryGetValue(fill.Symbol, out var trip) || trip.Quantity == 0m)
            {
                trip = new OpenTrip { Opened = fill.Time };
                open[fill.Symbol] = trip;
            }

            var held = trip.Quantity;
            if (held != 0m && Math.Sign(held) != Math.Sign(signed) && Math.Abs(signed) > Math.Abs(held))
            {
                // A flip: the part that closes ends this trip, the remainder opens the next one.
                var closingFee = fill.FeeUsd * (Math.Abs(held) / Math.Abs(signed));
                closed.Add(new RoundTrip(fill.Symbol, trip.Opened, fill.Time, trip.CashUsd + (held * fill.Price) - closingFee));
                var remainder = signed + held;
                open[fill.Symbol] = new OpenTrip
                {
                    Opened = fill.Time,
                    Quantity = remainder,
                    CashUsd = -(remainder * fill.Price) - (fill.FeeUsd - closingFee),
                };
                continue;
            }

            trip.CashUsd -= (signed * fill.Price) + fill.FeeUsd;
            trip.Quantity = held + signed;
            if (trip.Quantity == 0m)
            {
                closed.Add(new RoundTrip(fill.Symbol, trip.Opened, fill.Time, trip.CashUsd));
            }
        }

        return closed;
    }

    private sealed class OpenTrip
    {
        public DateTime Opened { get; init; }

        public decimal Quantity { get; set; }

        public decimal CashUsd { get; set; }
    }
}
