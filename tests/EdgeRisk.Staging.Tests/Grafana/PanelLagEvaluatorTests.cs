using EdgeRisk.Release.Grafana;
using Microsoft.Extensions.Time.Testing;

namespace EdgeRisk.Staging.Tests.Grafana;

public sealed class PanelLagEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void Evaluate_AllInputsRecent_IsFreshWithStalestLag()
    {
        var evaluator = new PanelLagEvaluator(_time, TimeSpan.FromSeconds(2));

        var panel = evaluator.Evaluate("d", 1, "edge", [Input("a", -0.4), Input("b", -1.5)]);

        Assert.Equal(FreshnessStatus.Fresh, panel.Status);
        Assert.Equal(TimeSpan.FromSeconds(1.5), panel.Lag);
    }

    [Fact]
    public void Evaluate_ClockMovesPastMaxLag_TurnsStale()
    {
        var evaluator = new PanelLagEvaluator(_time, TimeSpan.FromSeconds(2));
        IReadOnlyList<SelectorFreshness> inputs = [Input("a", -1.0)];

        var before = evaluator.Evaluate("d", 1, "p", inputs);
        _time.Advance(TimeSpan.FromSeconds(1));
        var atLimit = evaluator.Evaluate("d", 1, "p", inputs);

        Assert.Equal(FreshnessStatus.Fresh, before.Status);
        Assert.Equal(FreshnessStatus.Stale, atLimit.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), atLimit.Lag);
    }

    [Fact]
    public void Evaluate_OneFrozenInputAmongLiveOnes_IsStale()
    {
        var evaluator = new PanelLagEvaluator(_time, TimeSpan.FromSeconds(2));

        var panel = evaluator.Evaluate("d", 1, "p", [Input("live", -0.1), Input("frozen", -30)]);

        Assert.Equal(FreshnessStatus.Stale, panel.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), panel.Lag);
    }

    [Fact]
    public void Evaluate_InputWithoutData_IsNoDataAndFails()
    {
        var evaluator = new PanelLagEvaluator(_time, TimeSpan.FromSeconds(2));

        var panel = evaluator.Evaluate("d", 1, "p", [Input("a", -0.1), new SelectorFreshness("missing", null)]);

        Assert.Equal(FreshnessStatus.NoData, panel.Status);
        Assert.Null(panel.Lag);
        Assert.False(panel.Passed);
    }

    [Fact]
    public void Evaluate_NoInputs_IsNoData()
    {
        var panel = new PanelLagEvaluator(_time, TimeSpan.FromSeconds(2)).Evaluate("d", 1, "p", []);

        Assert.Equal(FreshnessStatus.NoData, panel.Status);
    }

    [Fact]
    public void Evaluate_SampleAheadOfClock_CountsAsZeroLag()
    {
        var panel = new PanelLagEvaluator(_time, TimeSpan.FromSeconds(2)).Evaluate("d", 1, "p", [Input("a", 0.5)]);

        Assert.Equal(TimeSpan.Zero, panel.Lag);
        Assert.True(panel.Passed);
    }

    [Fact]
    public void Report_EmptyOrOneStalePanel_Fails()
    {
        var evaluator = new PanelLagEvaluator(_time, TimeSpan.FromSeconds(2));
        var fresh = evaluator.Evaluate("d", 1, "p", [Input("a", -0.1)]);
        var stale = evaluator.Evaluate("d", 2, "q", [Input("b", -9)]);

        Assert.False(new DashboardVerificationReport([], evaluator.MaxLag).Passed);
        Assert.False(new DashboardVerificationReport([fresh, stale], evaluator.MaxLag).Passed);
        Assert.True(new DashboardVerificationReport([fresh], evaluator.MaxLag).Passed);
    }

    private static SelectorFreshness Input(string selector, double secondsFromNow) => new(selector, Now.AddSeconds(secondsFromNow));
}
