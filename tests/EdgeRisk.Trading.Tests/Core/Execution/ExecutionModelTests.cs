namespace EdgeRisk.Trading.Tests.Core.Execution;

public sealed class ExecutionModelTests
{
    private static readonly Symbol Btc = new SymbolRegistry().GetOrAdd("BTC-USD", AssetClass.Crypto);
    private static readonly DateTime T0 = CoreTestData.Utc(2017, 9, 3, 12, 0);

    private sealed class Recorder : IExecutionSink
    {
        public List<ExecutionReport> Reports { get; } = [];

        public void OnExecution(in ExecutionReport execution) => Reports.Add(execution);
    }

    /// <summary>
    /// A paper book after a trade at <paramref name="last"/> (volume 100): a buy submitted, a quote a minute later, a sell
    /// submitted, a second quote; the fills reported.
    /// </summary>
    private static List<ExecutionReport> PaperBuyThenSell(PaperExecutionOptions options, decimal last, (decimal Buy, decimal Sell) quantity,
        (decimal Bid, decimal Ask) first, (decimal Bid, decimal Ask) second)
    {
        var paper = new PaperExecutionModel(options);
        var sink = new Recorder();
        paper.OnMarket(CoreTestData.Trade(Btc, T0, last, volume: 100m), sink);
        paper.Submit(new Order(1, Book.Paper, Btc, OrderSide.Buy, quantity.Buy, T0));
        paper.OnMarket(CoreTestData.Quote(Btc, T0.AddMinutes(1), first.Bid, first.Ask), sink);
        paper.Submit(new Order(2, Book.Paper, Btc, OrderSide.Sell, quantity.Sell, T0.AddMinutes(1)));
        paper.OnMarket(CoreTestData.Quote(Btc, T0.AddMinutes(2), second.Bid, second.Ask), sink);
        return sink.Reports;
    }

    private static readonly PaperExecutionOptions NoSlippage = new() { FeeBps = 10m, SlippageBps = 0m, ImpactBps = 0m, MaxParticipation = 0.5m };

    [Fact]
    public void OnMarket_PaperBuyAndSell_CrossTheSpreadAndPayFees()
    {
        var reports = PaperBuyThenSell(NoSlippage, 4000m, (2m, 1m), (3999.50m, 4000.50m), (3999.00m, 4001.00m));

        Assert.Equal(2, reports.Count);
        Assert.Equal((2m, 4000.50m, 8.001m), (reports[0].Quantity, reports[0].Price, reports[0].FeeUsd));
        Assert.Equal((1m, 3999.00m, 3.999m), (reports[1].Quantity, reports[1].Price, reports[1].FeeUsd));
    }

    [Fact]
    public void OnMarket_PaperOrderLargerThanBarVolume_FillsPartiallyPerBar()
    {
        var paper = new PaperExecutionModel(NoSlippage with { MaxParticipation = 0.1m });
        var sink = new Recorder();
        paper.OnMarket(CoreTestData.Trade(Btc, T0, 4000m, volume: 10m), sink);
        paper.Submit(new Order(1, Book.Paper, Btc, OrderSide.Buy, 2.5m, T0));

        paper.OnMarket(CoreTestData.Quote(Btc, T0.AddMinutes(1), 3999m, 4001m), sink);
        paper.OnMarket(CoreTestData.Quote(Btc, T0.AddMinutes(1), 3999m, 4001m), sink);
        Assert.Equal([1m], sink.Reports.Select(r => r.Quantity));
        Assert.Equal(1.5m, paper.WorkingQuantity(Btc));

        paper.OnMarket(CoreTestData.Trade(Btc, T0.AddMinutes(2), 4000m, volume: 5m), sink);
        paper.OnMarket(CoreTestData.Quote(Btc, T0.AddMinutes(2), 3999m, 4001m), sink);
        paper.OnMarket(CoreTestData.Trade(Btc, T0.AddMinutes(3), 4000m, volume: 100m), sink);
        paper.OnMarket(CoreTestData.Quote(Btc, T0.AddMinutes(3), 3999m, 4001m), sink);

        Assert.Equal([1m, 0.5m, 1m], sink.Reports.Select(r => r.Quantity));
        Assert.All(sink.Reports, r => Assert.True(r.Quantity <= 10m * 0.1m));
        Assert.Equal(0m, paper.WorkingQuantity(Btc));
    }

    [Fact]
    public void OnMarket_PaperSlippage_AdverseAndRoundedToTick()
    {
        var options = new PaperExecutionOptions { FeeBps = 0m, SlippageBps = 5m, ImpactBps = 0m, MaxParticipation = 1m };

        var reports = PaperBuyThenSell(options, 100m, (1m, 1m), (99.99m, 100.01m), (99.99m, 100.01m));

        // 100.01 × 1.0005 = 100.060005 → 100.07 (up); 99.99 × 0.9995 = 99.940005 → 99.94 (down).
        Assert.Equal([100.07m, 99.94m], reports.Select(r => r.Price));
    }

    [Fact]
    public void OnMarket_SimOrder_FillsCompletelyAtMidWithoutFee()
    {
        var sim = new SimExecutionModel();
        var sink = new Recorder();
        sim.Submit(new Order(1, Book.Sim, Btc, OrderSide.Buy, 1_000m, T0));

        sim.OnMarket(CoreTestData.Quote(Btc, T0.AddMinutes(1), 3999.50m, 4000.51m), sink);

        var fill = Assert.Single(sink.Reports);
        Assert.Equal((1_000m, 4000.005m, 0m), (fill.Quantity, fill.Price, fill.FeeUsd));
    }

    [Fact]
    public void OnMarket_SymbolWithoutQuotes_FillsAtNextTradeClose()
    {
        var sim = new SimExecutionModel();
        var paper = new PaperExecutionModel(NoSlippage with { MaxParticipation = 1m });
        var sink = new Recorder();
        sim.Submit(new Order(1, Book.Sim, Btc, OrderSide.Buy, 1m, T0));
        paper.OnMarket(CoreTestData.Trade(Btc, T0, 600m, volume: 5m), sink);
        paper.Submit(new Order(2, Book.Paper, Btc, OrderSide.Buy, 1m, T0));

        var next = CoreTestData.Trade(Btc, T0.AddMinutes(1), 601m, volume: 5m);
        sim.OnMarket(next, sink);
        paper.OnMarket(next, sink);

        Assert.Equal([601m, 601m], sink.Reports.Select(r => r.Price));
    }
}
