namespace EdgeRisk.Trading.Tests.Core.Routing;

public sealed class RegimeRouterTests
{
    private static readonly Symbol Btc = new SymbolRegistry().GetOrAdd("BTC-USD", AssetClass.Crypto);
    private static readonly DateTime T0 = CoreTestData.Utc(2017, 9, 3);

    private static RegimeRouter Router(int dwell = 30) => new(new RouterConfig { TrendEnter = 1.0, TrendExit = 0.5, MaxVolatilityBps = 25, MinDwellMinutes = dwell });

    /// <summary>
    /// Steps one minute apart, each <c>trend,volatilityBps,regime after it</c>, with no minimum dwell (enter 1.0, exit 0.5,
    /// max volatility 25 bps, hysteresis 20 %): the regime after each step, and one switch recorded per change.
    /// </summary>
    [Theory]
    // A trend between exit and enter keeps the current regime.
    [InlineData("0.8,10,Short 1.2,10,Long 0.8,10,Long 0.4,10,Short")]
    // High volatility blocks Long, and leaves it only above the hysteresis band.
    [InlineData("3.0,26,Short 3.0,20,Long 3.0,29,Long 3.0,31,Short")]
    public void Evaluate_ZeroDwell_RegimeFollowsTheHysteresisBands(string steps)
    {
        var router = Router(dwell: 0);
        var observer = new RecordingObserver();
        var expectedSwitches = new List<(HorizonRegime From, HorizonRegime To)>();
        var regime = HorizonRegime.Short;
        var minute = 0;

        foreach (var step in steps.Split(' '))
        {
            var fields = step.Split(',');
            var expected = Enum.Parse<HorizonRegime>(fields[2]);
            router.Evaluate(Btc, double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture), T0.AddMinutes(minute++), observer);
            Assert.Equal(expected, router.RegimeOf(Btc));
            if (expected != regime)
            {
                expectedSwitches.Add((regime, expected));
                regime = expected;
            }
        }

        Assert.Equal(expectedSwitches, observer.Switches.Select(s => (s.From, s.To)));
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
