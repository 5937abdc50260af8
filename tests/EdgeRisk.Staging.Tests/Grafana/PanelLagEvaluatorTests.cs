using Microsoft.Extensions.Time.Testing;

namespace EdgeRisk.Staging.Tests.Grafana;

public sealed class PanelLagEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    /// <summary>Input ages in seconds from now (positive: a sample ahead of the clock); the panel lags by its stalest input, 2 s allowed.</summary>
    [Theory]
    [InlineData(new[] { -0.4, -1.5 }, FreshnessStatus.Fresh, 1.5)] // all recent
    [InlineData(new[] { -0.1, -30.0 }, FreshnessStatus.Stale, 30.0)] // one frozen input among live ones
    [InlineData(new[] { 0.5 }, FreshnessStatus.Fresh, 0.0)] // ahead of the clock counts as no lag
    public void Evaluate_InputsOfGivenAges_StatusAndLagOfTheStalestInput(double[] ages, FreshnessStatus status, double lagSeconds)
    {
        var panel = Evaluator().Evaluate("d", 1, "p", [.. ages.Select((age, i) => Input($"s{i}", age))]);

        Assert.Equal(status, panel.Status);
        Assert.Equal(TimeSpan.FromSeconds(lagSeconds), panel.Lag);
        Assert.Equal(status == FreshnessStatus.Fresh, panel.Passed);
    }

    [Fact]
    public void Evaluate_ClockMovesPastMaxLag_TurnsStale()
    {
        var evaluator = Evaluator();
        IReadOnlyList<SelectorFreshness> inputs = [Input("a", -1.0)];

        var before = evaluator.Evaluate("d", 1, "p", inputs);
        _time.Advance(TimeSpan.FromSeconds(1));
        var atLimit = evaluator.Evaluate("d", 1, "p", inputs);

        Assert.Equal(FreshnessStatus.Fresh, before.Status);
        Assert.Equal(FreshnessStatus.Stale, atLimit.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), atLimit.Lag);
    }

    [Fact]
    public void Evaluate_InputWithoutData_IsNoDataAndFails()
    {
        var evaluator = Evaluator();

        var panel = evaluator.Evaluate("d", 1, "p", [Input("a", -0.1), new SelectorFreshness("missing", null)]);

        Assert.Equal(FreshnessStatus.NoData, panel.Status);
        Assert.Null(panel.Lag);
        Assert.False(panel.Passed);
    }

    [Fact]
    public void Evaluate_NoInputs_IsNoData()
    {
        var panel = Evaluator().Evaluate("d", 1, "p", []);

        Assert.Equal(FreshnessStatus.NoData, panel.Status);
    }

    [Fact]
    public void Report_EmptyOrOneStalePanel_Fails()
    {
        var evaluator = Evaluator();
        var fresh = evaluator.Evaluate("d", 1, "p", [Input("a", -0.1)]);
        var stale = evaluator.Evaluate("d", 2, "q", [Input("b", -9)]);

        Assert.False(new DashboardVerificationReport([], evaluator.MaxLag).Passed);
        Assert.False(new DashboardVerificationReport([fresh, stale], evaluator.MaxLag).Passed);
        Assert.True(new DashboardVerificationReport([fresh], evaluator.MaxLag).Passed);
    }

    private PanelLagEvaluator Evaluator() => new(_time, TimeSpan.FromSeconds(2));

    private static SelectorFreshness Input(string selector, double secondsFromNow) => new(selector, Now.AddSeconds(secondsFromNow));
}
