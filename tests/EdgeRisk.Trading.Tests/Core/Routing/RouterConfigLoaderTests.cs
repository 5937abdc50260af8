namespace EdgeRisk.Trading.Tests.Core.Routing;

public sealed class RouterConfigLoaderTests
{
    [Fact]
    public void Load_ShippedConfigs_AreValid()
    {
        var router = RouterConfigLoader.Load(Path.Combine(CoreTestData.ConfigDir, "router.json"));
        var trading = TradingConfigLoader.Load(Path.Combine(CoreTestData.ConfigDir, "strategy.json"));

        Assert.Equal(30, router.MinDwellMinutes);
        Assert.Equal(0.94, trading.Risk.Lambda);
        Assert.Equal("dual-horizon", trading.Strategy);
    }

    [Theory]
    [InlineData("""{"trendExit": 2.0}""", "trendExit must be in [0, 1) (below trendEnter), got 2")]
    [InlineData("""{"minDwellMinutes": -1}""", "minDwellMinutes must be in [0, 10080], got -1")]
    [InlineData("""{"trendFastMinutes": 300}""", "trendFastMinutes must be in [2, 240) (below trendSlowMinutes), got 300")]
    [InlineData("""{"maxVolatilityBps": 0}""", "maxVolatilityBps must be in (0, 10000], got 0")]
    [InlineData("""{"longRegimeWeights": {"short": 0.5, "long": 0.6}}""", "longRegimeWeights.short and longRegimeWeights.long must each be in [0, 1] and sum to 1, got 0.5 and 0.6")]
    public void Parse_OutOfRange_OneLineErrorNamingKeyAndRange(string json, string expected)
    {
        var ex = Assert.Throws<RouterConfigException>(() => RouterConfigLoader.Parse(json, "config/router.json"));

        Assert.Equal("config/router.json: " + expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_UnknownKey_ErrorNamesTheKey()
    {
        var ex = Assert.Throws<RouterConfigException>(() => RouterConfigLoader.Parse("""{"trendEntr": 1.0}""", "router.json"));

        Assert.Contains("trendEntr", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("router.json: invalid router config", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_WrongType_ErrorNamesThePath()
    {
        var ex = Assert.Throws<RouterConfigException>(() => RouterConfigLoader.Parse("""{"minDwellMinutes": "ten"}""", "router.json"));

        Assert.Contains("$.minDwellMinutes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_OneLineError()
    {
        var ex = Assert.Throws<RouterConfigException>(() => RouterConfigLoader.Load("config/nope.json"));

        Assert.Equal("config/nope.json: router config file not found; pass an existing file (e.g. config/router.json)", ex.Message);
    }

    [Fact]
    public void Parse_StrategyConfigOutOfRange_NamesKey()
    {
        var ex = Assert.Throws<RouterConfigException>(() => TradingConfigLoader.Parse("""{"risk": {"lambda": 1.5}}""", "strategy.json"));

        Assert.Equal("strategy.json: risk.lambda must be in (0, 1), got 1.5", ex.Message);
    }
}
