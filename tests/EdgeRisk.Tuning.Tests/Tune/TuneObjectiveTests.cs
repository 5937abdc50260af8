namespace EdgeRisk.Tuning.Tests.Tune;

public sealed class TuneObjectiveTests
{
    private static readonly ObjectiveOptions Options = new() { MaxDrawdown = 0.05 };

    private const string RiskBelowLine = "\"maxVarUtilisation\":0.75,\"varWarningLine\":0.8";

    private static string Result(string statistics, string risk = RiskBelowLine) =>
        """{"strategy":"dual-horizon","paper":{"fills":3,"statistics":{""" + statistics + """}},"sim":{"statistics":{"sharpe":9.0,"maxDrawdown":0.0}},"risk":{""" + risk + "}}";

    [Fact]
    public void Evaluate_WithinConstraints_FeasibleWithPaperSharpe()
    {
        var value = TuneObjective.Evaluate(Result("\"sharpe\":1.25,\"maxDrawdown\":0.02,\"netReturn\":0.001"), Options);

        Assert.True(value.Feasible);
        Assert.Equal(1.25, value.Objective);
        Assert.Null(value.Violation);
        Assert.Equal(0.001, value.Statistics["netReturn"]);
    }

    [Fact]
    public void Evaluate_DrawdownAboveLimit_InfeasibleNamingTheConstraint()
    {
        var value = TuneObjective.Evaluate(Result("\"sharpe\":3.0,\"maxDrawdown\":0.051"), Options);

        Assert.False(value.Feasible);
        Assert.Contains("max drawdown 0.051 > 0.05", value.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_VarUtilisationAboveWarningLine_InfeasibleNamingTheConstraint()
    {
        var value = TuneObjective.Evaluate(Result("\"sharpe\":3.0,\"maxDrawdown\":0.01", "\"maxVarUtilisation\":0.81,\"varWarningLine\":0.8"), Options);

        Assert.False(value.Feasible);
        Assert.Contains("VaR utilisation 0.81 > warning line 0.8", value.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_VarUtilisationAboveTheResultsOwnWarningLine_Infeasible()
    {
        // The line is the trial's own risk.scaleDownAt (0.7 here), not a fixed 0.8.
        var value = TuneObjective.Evaluate(Result("\"sharpe\":3.0,\"maxDrawdown\":0.01", "\"maxVarUtilisation\":0.75,\"varWarningLine\":0.7"), Options);

        Assert.False(value.Feasible);
        Assert.Contains("VaR utilisation 0.75 > warning line 0.7", value.Violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"maxVarUtilisation\":0.79,\"varWarningLine\":0.8")]
    [InlineData("\"maxVarUtilisation\":0.8,\"varWarningLine\":0.8")]
    public void Evaluate_VarUtilisationAtOrBelowWarningLine_Feasible(string risk)
    {
        var value = TuneObjective.Evaluate(Result("\"sharpe\":3.0,\"maxDrawdown\":0.01", risk), Options);

        Assert.True(value.Feasible, value.Violation);
        Assert.Equal(0.8, value.Statistics["varWarningLine"]);
    }

    [Theory]
    [InlineData("\"varWarningLine\":0.8", "risk.maxVarUtilisation missing")]
    [InlineData("\"maxVarUtilisation\":null,\"varWarningLine\":0.8", "risk.maxVarUtilisation missing")]
    [InlineData("\"maxVarUtilisation\":0.5", "risk.varWarningLine missing")]
    public void Evaluate_VarFigureMissing_InfeasibleWithReason(string risk, string reason)
    {
        var value = TuneObjective.Evaluate(Result("\"sharpe\":3.0,\"maxDrawdown\":0.01", risk), Options);

        Assert.False(value.Feasible);
        Assert.Equal(reason, value.Violation);
    }

    [Fact]
    public void Evaluate_NoRiskObject_Infeasible()
    {
        var json = """{"strategy":"dual-horizon","paper":{"statistics":{"sharpe":3.0,"maxDrawdown":0.01}}}""";

        var value = TuneObjective.Evaluate(json, Options);

        Assert.False(value.Feasible);
        Assert.Equal("risk.maxVarUtilisation missing", value.Violation);
    }

    [Theory]
    [InlineData("\"maxDrawdown\":0.01")]
    [InlineData("\"sharpe\":2.0")]
    [InlineData("\"sharpe\":null,\"maxDrawdown\":0.01")]
    public void Evaluate_StatisticMissing_Infeasible(string statistics)
    {
        Assert.False(TuneObjective.Evaluate(Result(statistics), Options).Feasible);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"sim\":{\"statistics\":{\"sharpe\":1,\"maxDrawdown\":0}}}")]
    public void Evaluate_NoPaperStatistics_Infeasible(string? json)
    {
        Assert.False(TuneObjective.Evaluate(json, Options).Feasible);
    }

    [Fact]
    public void Evaluate_SortinoObjective_ReadsSortino()
    {
        var value = TuneObjective.Evaluate(Result("\"sharpe\":1.0,\"sortino\":2.5,\"maxDrawdown\":0.01"), Options with { Statistic = "sortino" });

        Assert.Equal(2.5, value.Objective);
    }
}
