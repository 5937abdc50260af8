using EdgeRisk.Trading.Blending;
using EdgeRisk.Trading.Models;

namespace EdgeRisk.Trading.Tests.Core.Strategies;

public sealed class DualHorizonDeRiskTests
{
    private static readonly Symbol Btc = new SymbolRegistry().GetOrAdd("BTC-USD", AssetClass.Crypto);

    [Fact]
    public void OnEvent_HeldVarRisesAboveDeRiskLevel_AdoptsHarmonisedTargetAtOnce()
    {
        var (strategy, risk, targets, observer) = Build();
        var t = CoreTestData.Utc(2017, 9, 3, 0, 1);
        strategy.OnEvent(CoreTestData.Trade(Btc, t, 4000m), targets, observer);
        Assert.Equal(5m, targets.Get(Btc));

        // Re-estimated risk puts the held 5 units at 95 % of the limit; the harmonised size differs by less than
        // the churn threshold, so only the de-risk rule can move the target.
        risk.VarPerUnit = 190d;
        targets.ClearChanged();
        strategy.OnEvent(CoreTestData.Trade(Btc, t.AddMinutes(1), 4000m), targets, observer);

        Assert.Equal([Btc], targets.Changed);
        Assert.InRange(targets.Get(Btc), 4.7368m, 4.73685m);
        Assert.InRange(observer.VarPcts[^1], 89.99d, 90d);
    }

    [Fact]
    public void OnEvent_HeldVarBelowDeRiskLevel_KeepsTargetAndReportsIt()
    {
        var (strategy, risk, targets, observer) = Build();
        var t = CoreTestData.Utc(2017, 9, 3, 0, 1);
        strategy.OnEvent(CoreTestData.Trade(Btc, t, 4000m), targets, observer);

        // 86 % of the limit: under the default de-risk level (88 %).
        risk.VarPerUnit = 172d;
        targets.ClearChanged();
        strategy.OnEvent(CoreTestData.Trade(Btc, t.AddMinutes(1), 4000m), targets, observer);

        Assert.Empty(targets.Changed);
        Assert.Equal(5m, targets.Get(Btc));
        Assert.Equal(86d, observer.VarPcts[^1], 9);
    }

    private static (DualHorizonStrategy Strategy, LinearRisk Risk, PortfolioTargets Targets, RecordingObserver Observer) Build()
    {
        var risk = new LinearRisk { VarPerUnit = 100d };
        var strategy = new DualHorizonStrategy(new ConstantEdge(), new ConstantEdge(), new FixedRouter(), new ConfidenceWeightedBlender(), risk);
        return (strategy, risk, new PortfolioTargets(), new RecordingObserver());
    }

    /// <summary>Full-conviction edge: every horizon wants MaxNotionalUsdPerSymbol (20 000 USD = 5 BTC at 4 000).</summary>
    private sealed class ConstantEdge : IEdgeModel
    {
        public string Name => "constant";

        public EdgeEstimate Estimate(in MarketEvent e) => new(40d, 1d);
    }

    private sealed class FixedRouter : IHorizonRouter
    {
        public RouterDecision Route(in MarketEvent e, IModelSwitchObserver observer) => new(HorizonRegime.Short, new HorizonWeights(1d, 0d));
    }

    /// <summary>One-symbol risk model whose VaR per unit the test moves, standing in for a re-estimated covariance.</summary>
    private sealed class LinearRisk : IRiskHarmoniser
    {
        public double VarPerUnit { get; set; }

        public double LimitUsd => 1_000d;

        public void Observe(in MarketEvent e)
        {
        }

        public VarReport Harmonise(ReadOnlySpan<double> shortHorizonQty, ReadOnlySpan<double> longHorizonQty, ReadOnlySpan<HorizonWeights> weights, Span<double> target)
        {
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = (weights[i].Short * shortHorizonQty[i]) + (weights[i].Long * longHorizonQty[i]);
            }

            var desired = ValueAtRisk(target);
            var scale = desired > 0.9d * LimitUsd ? 0.9d * LimitUsd / desired : 1d;
            for (var i = 0; i < target.Length; i++)
            {
                target[i] *= scale;
            }

            return new VarReport(ValueAtRisk(target), LimitUsd, scale, true);
        }

        public double ValueAtRisk(ReadOnlySpan<double> quantities)
        {
            var total = 0d;
            foreach (var q in quantities)
            {
                total += Math.Abs(q) * VarPerUnit;
            }

            return total;
        }
    }
}
