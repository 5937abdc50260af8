using EdgeRisk.Testing.Architecture;

namespace EdgeRisk.Trading.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void Cycles_TradingCore_ReportsNone() =>
        Assert.Empty(NamespaceGraph.Load(typeof(Backtester).Assembly).Cycles());

    /// <summary>The host's assembly is <c>edgerisk-trading</c>, so its root namespace is given.</summary>
    [Fact]
    public void Cycles_TradingHost_ReportsNone() =>
        Assert.Empty(NamespaceGraph.Load(typeof(BacktestApp).Assembly.Location, "EdgeRisk.Trading.Host").Cycles());
}
