using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Ledger;

/// <summary>
/// Orders/fills ledger of one book: decimal cash, positions and PnL per symbol. Fills are applied strictly in
/// sequence: duplicates are ignored, gaps refused, which makes snapshot + journal replay idempotent.
/// </summary>
public sealed class BookLedger
{
    private readonly Dictionary<string, PositionState> _positions = new(StringComparer.Ordinal);
    private readonly List<PositionState> _ordered = [];
    private readonly List<Fill> _fills = [];

    public BookLedger(Book book, decimal initialCashUsd)
    {
        Book = book;
        InitialCashUsd = initialCashUsd;
        CashUsd = initialCashUsd;
    }

    public Book Book { get; }

    public decimal InitialCashUsd { get; }

    public decimal CashUsd { get; private set; }

    public decimal FeesUsd { get; private set; }

    public long LastSequence { get; private set; }

    public long NextSequence => LastSequence + 1;

    /// <summary>Fills applied to this ledger instance, in sequence order (not those folded into a restored snapshot).</summary>
    public IReadOnlyList<Fill> Fills => _fills;

    /// <summary>Positions in order of first appearance.</summary>
    public IReadOnlyList<PositionState> Positions => _ordered;

    /// <summary>Cash plus marked value of all positions.</summary>
    public decimal EquityUsd
    {
        get
        {
            var equity = CashUsd;
            foreach (var p in _ordered)
            {
                equity += p.MarketValueUsd;
            }

            return equity;
        }
    }

    public PositionState Position(string ticker)
    {
        if (!_positions.TryGetValue(ticker, out var position))
        {
            position = new PositionState(ticker);
            _positions.Add(ticker, position);
            _ordered.Add(position);
        }

        return position;
    }

    public void Mark(string ticker, decimal price) => Position(ticker).MarkPrice = price;

    public LedgerApplyResult Apply(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.Book != Book)
        {
            throw new ArgumentException($"Fill {fill.Sequence} belongs to book {fill.Book}, not {Book}.", nameof(fill));
        }

        if (fill.Quantity <= 0m || fill.Price <= 0m || fill.FeeUsd < 0m)
        {
            throw new ArgumentException($"Fill {fill.Sequence} has a non-positive quantity/price or a negative fee.", nameof(fill));
        }

        if (fill.Sequence <= LastSequence)
        {
            return LedgerApplyResult.Duplicate;
        }

        if (fill.Sequence != LastSequence + 1)
        {
            return LedgerApplyResult.Gap;
        }

        var position = Position(fill.Symbol);
        var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
        CashUsd -= (signed * fill.Price) + fill.FeeUsd;
        FeesUsd += fill.FeeUsd;
        position.FeesUsd += fill.FeeUsd;
        ApplyQuantity(position, signed, fill.Price);
        if (position.MarkPrice == 0m)
        {
            position.MarkPrice = fill.Price;
        }

        LastSequence = fill.Sequence;
        _fills.Add(fill);
        return LedgerApplyResult.Applied;
    }

    public LedgerSnapshot Snapshot()
    {
        var positions = new PositionSnapshot[_ordered.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            var p = _ordered[i];
            positions[i] = new PositionSnapshot(p.Ticker, p.Quantity, p.CostBasisUsd, p.RealisedPnlUsd, p.FeesUsd, p.MarkPrice);
        }

        return new LedgerSnapshot(Book, InitialCashUsd, CashUsd, LastSequence, positions);
    }

    public static BookLedger Restore(LedgerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var ledger = new BookLedger(snapshot.Book, snapshot.InitialCashUsd)
        {
            CashUsd = snapshot.CashUsd,
            LastSequence = snapshot.LastSequence,
        };
        foreach (var p in snapshot.Positions)
        {
            var position = ledger.Position(p.Ticker);
            position.Quantity = p.Quantity;
            position.CostBasisUsd = p.CostBasisUsd;
            position.RealisedPnlUsd = p.RealisedPnlUsd;
            position.FeesUsd = p.FeesUsd;
            position.MarkPrice = p.MarkPrice;
            ledger.FeesUsd += p.FeesUsd;
        }

        return ledger;
    }

    private static void ApplyQuantity(PositionState position, decimal signed, decimal price)
    {
        var held = position.Quantity;
        if (held == 0m || Math.Sign(held) == Math.Sign(signed))
        {
            position.Quantity = held + signed;
            position.CostBasisUsd += signed * price;
            return;
        }

        // Opposite side: close first (pro-rata basis, all of it on a full close), then open any remainder.
        var closing = Math.Abs(signed) >= Math.Abs(held) ? -held : signed;
        var basisRemoved = closing == -held ? position.CostBasisUsd : position.CostBasisUsd * (-closing / held);
        position.RealisedPnlUsd += (-closing * price) - basisRemoved;
        position.Quantity = held + closing;
        position.CostBasisUsd -= basisRemoved;
        var remainder = signed - closing;
        if (remainder != 0m)
        {
            position.Quantity += remainder;
            position.CostBasisUsd += remainder * price;
        }
    }
}
