namespace EdgeRisk.Trading.Tests.Core.Ledger;

public sealed class BookLedgerTests
{
    private static readonly DateTime T0 = CoreTestData.Utc(2017, 9, 3, 12, 0);

    private static Fill F(long seq, OrderSide side, decimal qty, decimal price, decimal fee = 0m, string symbol = "BTC-USD", Book book = Book.Paper)
        => new(seq, seq, book, symbol, side, qty, price, fee, T0.AddMinutes(seq));

    [Fact]
    public void Apply_RoundTripWithUnevenLots_RealisedPnlExactInDecimal()
    {
        var ledger = new BookLedger(Book.Paper, 10_000m);

        ledger.Apply(F(1, OrderSide.Buy, 1m, 100.10m, 0.01m));
        ledger.Apply(F(2, OrderSide.Buy, 2m, 100.20m, 0.02m));
        ledger.Apply(F(3, OrderSide.Sell, 1m, 100.40m, 0.01m));
        ledger.Apply(F(4, OrderSide.Sell, 2m, 100.30m, 0.02m));

        var p = ledger.Position("BTC-USD");
        Assert.Equal(0m, p.Quantity);
        Assert.Equal(0m, p.CostBasisUsd);
        Assert.Equal(0.50m, p.RealisedPnlUsd);
        Assert.Equal(0.44m, p.PnlUsd);
        Assert.Equal(10_000.44m, ledger.CashUsd);
        Assert.Equal(ledger.EquityUsd - ledger.InitialCashUsd, p.PnlUsd);
    }

    [Fact]
    public void Apply_OpenPosition_UnrealisedFromMarkAndEquityIdentity()
    {
        var ledger = new BookLedger(Book.Paper, 1_000m);
        ledger.Apply(F(1, OrderSide.Buy, 0.5m, 4000.01m, 2.000005m));
        ledger.Apply(F(2, OrderSide.Buy, 0.1m, 300m, 0.03m, symbol: "ETH-USD"));

        ledger.Mark("BTC-USD", 4010.03m);
        ledger.Mark("ETH-USD", 299.5m);

        Assert.Equal(5.01m - 2.000005m, ledger.Position("BTC-USD").PnlUsd);
        Assert.Equal(-0.05m - 0.03m, ledger.Position("ETH-USD").PnlUsd);
        Assert.Equal(ledger.InitialCashUsd + ledger.Positions.Sum(p => p.PnlUsd), ledger.EquityUsd);
    }

    [Fact]
    public void Apply_SellThroughZero_RealisesLongAndOpensShort()
    {
        var ledger = new BookLedger(Book.Sim, 0m);
        ledger.Apply(F(1, OrderSide.Buy, 1m, 100m, book: Book.Sim));
        ledger.Apply(F(2, OrderSide.Sell, 3m, 110m, book: Book.Sim));
        ledger.Apply(F(3, OrderSide.Buy, 2m, 105m, book: Book.Sim));

        var p = ledger.Position("BTC-USD");
        Assert.Equal(0m, p.Quantity);
        Assert.Equal(10m + 10m, p.RealisedPnlUsd);
        Assert.Equal(20m, ledger.CashUsd);
    }

    [Fact]
    public void Apply_DuplicateAndGap_IgnoredAndRefused()
    {
        var ledger = new BookLedger(Book.Paper, 0m);
        Assert.Equal(LedgerApplyResult.Applied, ledger.Apply(F(1, OrderSide.Buy, 1m, 10m)));

        Assert.Equal(LedgerApplyResult.Duplicate, ledger.Apply(F(1, OrderSide.Buy, 1m, 10m)));
        Assert.Equal(LedgerApplyResult.Gap, ledger.Apply(F(3, OrderSide.Buy, 1m, 10m)));
        Assert.Equal(1m, ledger.Position("BTC-USD").Quantity);
        Assert.Equal(1, ledger.LastSequence);
    }

    [Fact]
    public void Restore_SnapshotPlusJournalReplayedTwice_EqualsUninterruptedLedger()
    {
        var fills = new[] { F(1, OrderSide.Buy, 1m, 100m, 0.1m), F(2, OrderSide.Buy, 2m, 101m, 0.2m), F(3, OrderSide.Sell, 1.5m, 103m, 0.15m), F(4, OrderSide.Sell, 1.5m, 99m, 0.15m) };
        var full = new BookLedger(Book.Paper, 1_000m);
        var partial = new BookLedger(Book.Paper, 1_000m);
        foreach (var f in fills)
        {
            full.Apply(f);
        }

        partial.Apply(fills[0]);
        partial.Apply(fills[1]);
        var restored = BookLedger.Restore(partial.Snapshot());
        foreach (var f in fills.Concat(fills))
        {
            restored.Apply(f);
        }

        var expected = full.Snapshot();
        var actual = restored.Snapshot();
        Assert.Equal((expected.CashUsd, expected.LastSequence, expected.InitialCashUsd), (actual.CashUsd, actual.LastSequence, actual.InitialCashUsd));
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(full.FeesUsd, restored.FeesUsd);
    }

    [Fact]
    public void Apply_FillOfOtherBook_Throws()
    {
        var ledger = new BookLedger(Book.Paper, 0m);

        Assert.Throws<ArgumentException>(() => ledger.Apply(F(1, OrderSide.Buy, 1m, 1m, book: Book.Sim)));
    }

    [Fact]
    public void ToCsv_Fills_InvariantDeterministicText()
    {
        var csv = FillCsv.ToCsv([F(1, OrderSide.Buy, 0.12345678m, 4000.01m, 0.49382716m)]);

        Assert.Equal(FillCsv.Header + "\n1,1,paper,BTC-USD,buy,0.12345678,4000.01,0.49382716,2017-09-03T12:01:00.0000000Z\n", csv);
    }
}
