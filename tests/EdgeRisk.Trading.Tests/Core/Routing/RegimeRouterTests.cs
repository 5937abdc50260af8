namespace EdgeRisk.Trading.Tests.Core.Routing;

public sealed class RegimeRouterTests
{
    private static readonly Symbol Btc = new SymbolRegistry().GetOrAdd("BTC-USD", AssetClass.Crypto);
    private static readonly DateTime T0 = CoreTestData.Utc(2017, 9, 3);

    private static RegimeRouter Router(int dwell = 30) => new(new RouterConfig { TrendEnter = 1.0, TrendExit = 0.5, MaxVolatilityBps = 25, MinDwellMinutes = dwell });

    [Fact]
    public void Evaluate_TrendBetweenExitAndEnter_KeepsCurrentRegime()
    {
        var router = Router(dwell: 0);
        var observer = new RecordingObserver();

        router.Evaluate(Btc, 0.8, 10, T0, observer);
        Assert.Equal(HorizonRegime.Short, router.RegimeOf(Btc));
        router.Evaluate(Btc, 1.2, 10, T0.AddMinutes(1), observer);
        Assert.Equal(HorizonRegime.Long, router.RegimeOf(Btc));
        router.Evaluate(Btc, 0.8, 10, T0.AddMinutes(2), observer);
        Assert.Equal(HorizonRegime.Long, router.RegimeOf(Btc));
        router.Evaluate(Btc, 0.4, 10, T0.AddMinutes(3), observer);

        Assert.Equal(HorizonRegime.Short, router.RegimeOf(Btc));
        Assert.Equal([(HorizonRegime.Short, HorizonRegime.Long), (HorizonRegime.Long, HorizonRegime.Short)], observer.Switches.Select(s => (s.From, s.To)));
    }

    [Fact]
    public void Evaluate_BeforeMinimumDwell_DoesNotSwitch()
    {
        var router = Router(dwell: 30);
        var observer = new RecordingObserver();
        router.Evaluate(Btc, 0.0, 10, T0, observer);

        router.Evaluate(Btc, 5.0, 10, T0.AddMinutes(29), observer);
        Assert.Empty(observer.Switches);
        router.Evaluate(Btc, 5.0, 10, T0.AddMinutes(30), observer);
        Assert.Single(observer.Switches);
        router.Evaluate(Btc, 0.0, 10, T0.AddMinutes(45), observer);
        Assert.Single(observer.Switches);
        router.Evaluate(Btc, 0.0, 10, T0.AddMinutes(60), observer);

        Assert.Equal(2, router.SwitchesOf(Btc));
        Assert.Equal(T0.AddMinutes(60), observer.Switches[^1].Time);
    }

    [Fact]
    public void Evaluate_HighVolatility_BlocksLongAndLeavesItAboveHysteresisBand()
    {
        var router = Router(dwell: 0);
        var observer = new RecordingObserver();

        router.Evaluate(Btc, 3.0, 26, T0, observer);
        Assert.Equal(HorizonRegime.Short, router.RegimeOf(Btc));
        router.Evaluate(Btc, 3.0, 20, T0.AddMinutes(1), observer);
        Assert.Equal(HorizonRegime.Long, router.RegimeOf(Btc));
        router.Evaluate(Btc, 3.0, 29, T0.AddMinutes(2), observer);
        Assert.Equal(HorizonRegime.Long, router.RegimeOf(Btc));
        router.Evaluate(Btc, 3.0, 31, T0.AddMinutes(3), observer);
        Assert.Equal(HorizonRegime.Short, router.RegimeOf(Btc));
    }

    [Fact]
    public void Route_RegimeWeights_FollowConfig()
    {
        var router = Router(dwell: 0);
        var observer = new RecordingObserver();

        var shortDecision = router.Evaluate(Btc, 0, 10, T0, observer);
        var longDecision = router.Evaluate(Btc, 2, 10, T0.AddMinutes(1), observer);

        Assert.Equal(new HorizonWeights(0.8, 0.2), shortDecision.Weights);
        Assert.Equal(new HorizonWeights(0.2, 0.8), longDecision.Weights);
    }
}
