using CsCheck;

namespace EdgeRisk.Trading.Tests.Core.Risk;

public sealed class VarRiskHarmoniserTests
{
    private static readonly SymbolRegistry Registry = CreateRegistry();

    private static SymbolRegistry CreateRegistry()
    {
        var r = new SymbolRegistry();
        r.GetOrAdd("BTC-USD", AssetClass.Crypto);
        r.GetOrAdd("ETH-USD", AssetClass.Crypto);
        r.GetOrAdd("NVDA", AssetClass.Equity);
        return r;
    }

    /// <summary>Feeds a price path (one row per minute) through the risk model.</summary>
    private static void Feed(VarRiskHarmoniser risk, double[][] returns)
    {
        var prices = new[] { 4000d, 300d, 165d };
        var t = CoreTestData.Utc(2017, 9, 3);
        foreach (var row in returns)
        {
            t = t.AddMinutes(1);
            for (var i = 0; i < 3; i++)
            {
                prices[i] *= Math.Exp(row[i]);
                var p = Math.Round((decimal)prices[i], 4);
                risk.Observe(CoreTestData.Trade(Registry[i], t, p));
            }
        }

        risk.Observe(CoreTestData.Trade(Registry[0], t.AddMinutes(1), Math.Round((decimal)prices[0], 4)));
    }

    [Fact]
    public void Harmonise_RandomPortfoliosAndReturns_VarNeverAboveLimit()
    {
        var returns = Gen.Double[-0.02, 0.02].Array[3].Array[35, 80];
        var quantities = Gen.Double[-500, 500].Array[3];
        var weight = Gen.Double[0, 1];
        Gen.Select(returns, quantities, quantities, weight, Gen.Decimal[100m, 50_000m]).Sample((r, shortQ, longQ, w, limit) =>
        {
            var risk = new VarRiskHarmoniser(new RiskOptions { VarLimitUsd = limit, WarmupReturns = 30 });
            Feed(risk, r);
            var target = new double[3];
            var weights = Enumerable.Repeat(new HorizonWeights(w, 1 - w), 3).ToArray();

            var report = risk.Harmonise(shortQ, longQ, weights, target);

            var achieved = risk.ValueAtRisk(target);
            return achieved <= (double)limit && report.VarPct <= 100d && Math.Abs(report.VarUsd - achieved) < 1e-6;
        }, iter: 300);
    }

    [Fact]
    public void Harmonise_SmallPortfolio_Untouched_LargePortfolio_ScaledToCeiling()
    {
        var risk = new VarRiskHarmoniser(new RiskOptions { VarLimitUsd = 1_000m, WarmupReturns = 30 });
        var rows = Enumerable.Range(0, 60).Select(i => new[] { i % 2 == 0 ? 0.001 : -0.001, i % 3 == 0 ? 0.002 : -0.001, 0.0005 * ((i % 5) - 2) }).ToArray();
        Feed(risk, rows);
        var weights = Enumerable.Repeat(new HorizonWeights(0.5, 0.5), 3).ToArray();
        var small = new[] { 0.001, 0d, 0d };
        var target = new double[3];

        var untouched = risk.Harmonise(small, small, weights, target);
        Assert.Equal(1d, untouched.Scale);
        Assert.Equal(0.001, target[0], 12);

        var big = new[] { 50d, 500d, 1_000d };
        var scaled = risk.Harmonise(big, big, weights, target);
        Assert.True(scaled.Scale < 1d);
        // The default ceiling: ScaleDownAt 0.8 of the limit.
        Assert.InRange(scaled.VarPct, 79.9, 80.0);
        Assert.Equal(scaled.Scale * 500d, target[1], 6);
    }

    [Fact]
    public void Harmonise_BeforeWarmup_ZeroTargetFailClosed()
    {
        var risk = new VarRiskHarmoniser(new RiskOptions { WarmupReturns = 30 });
        Feed(risk, Enumerable.Range(0, 5).Select(_ => new[] { 0.001, 0.001, 0.001 }).ToArray());
        var target = new double[3];
        var q = new[] { 1d, 1d, 1d };

        var report = risk.Harmonise(q, q, Enumerable.Repeat(new HorizonWeights(0.5, 0.5), 3).ToArray(), target);

        Assert.False(report.RiskModelReady);
        Assert.Equal(new double[3], target);
    }

    [Fact]
    public void ValueAtRisk_SingleAsset_MatchesParametricFormula()
    {
        var risk = new VarRiskHarmoniser(new RiskOptions { WarmupReturns = 1, Lambda = 0.94 });
        var t = CoreTestData.Utc(2017, 9, 3);
        var btc = Registry[0];
        risk.Observe(CoreTestData.Trade(btc, t, 100m));
        risk.Observe(CoreTestData.Trade(btc, t.AddMinutes(1), 101m));
        risk.Observe(CoreTestData.Trade(btc, t.AddMinutes(2), 101m));

        // One return r = ln(1.01): σ²₁ₘ = r² (seeded), σ_day = |r|·√1440; VaR = z·|x|·σ_day.
        var r = Math.Log(1.01);
        var expected = 2.326347874 * 101d * Math.Abs(r) * Math.Sqrt(1440);
        var actual = risk.ValueAtRisk(new[] { 1d });

        Assert.Equal(expected, actual, 6);
    }
}
