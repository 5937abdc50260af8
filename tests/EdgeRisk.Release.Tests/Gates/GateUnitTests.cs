namespace EdgeRisk.Release.Tests.Gates;

public sealed class GateUnitTests
{
    private const double Hour = 3600;

    [Fact]
    public void AllGates_HealthySoak_Pass()
    {
        var gates = Evidence.Healthy().All();

        Assert.All(gates, g => Assert.True(g.Status == GateStatus.Pass, $"{g.Name}: {g.Detail}"));
        Assert.Equal(GateStatus.Pass, GateReport.Combine(gates));
        Assert.All(gates, g => Assert.True(g.Margin >= 0));
    }

    [Fact]
    public void Continuity_GapOfExactlyTwoMinutes_Passes()
    {
        var e = Evidence.Healthy(step: 1);
        e.Remove("up", t => t > e.At(Hour) && t < e.At(Hour + 120));

        var result = e.Continuity();

        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Equal(120, result.Value);
    }

    [Fact]
    public void Continuity_GapOfTwoMinutesAndOneSecond_FailsIrreversibly()
    {
        var e = Evidence.Healthy(step: 1);
        e.Remove("up", t => t > e.At(Hour) && t < e.At(Hour + 121), job: "edgerisk-stocks");

        var result = e.Continuity();

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.True(result.Irreversible);
        Assert.Contains("2m01s hole", result.Detail);
        Assert.True(result.Margin < 0);
    }

    [Fact]
    public void Continuity_UpZeroOnce_Fails()
    {
        var e = Evidence.Healthy();
        e.Set("up", t => t == e.At(Hour * 10), (_, _) => 0, job: "edgerisk-crypto");

        Assert.Equal(GateStatus.Fail, e.Continuity().Status);
    }

    [Fact]
    public void Continuity_TradingStartTimeChanges_FailsAsRestart()
    {
        var e = Evidence.Healthy();
        e.Set("edgerisk_start_time_seconds", t => t >= e.At(Hour * 20), (t, _) => e.At(Hour * 20), job: "edgerisk-crypto");

        var result = e.Continuity();

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.True(result.Irreversible);
        Assert.Contains("restart", result.Detail);
    }

    [Fact]
    public void Continuity_MissingJob_Inconclusive()
    {
        var e = Evidence.Healthy();
        e.Series.RemoveAll(s => s.Labels["job"] == "edgerisk-stocks");

        var result = e.Continuity();

        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Null(result.Margin);
        Assert.Contains("edgerisk-stocks", result.Detail);
    }

    [Fact]
    public void Continuity_StagingWindowShorterThan48Hours_InconclusiveNamingTheRuntime()
    {
        var e = Evidence.Healthy(length: TimeSpan.FromMinutes(3));

        var staging = ContinuityGate.Evaluate(e.Window, e.Get("up"), e.Get("edgerisk_start_time_seconds"), null, GateSettings.Staging);
        var local = ContinuityGate.Evaluate(e.Window, e.Get("up"), e.Get("edgerisk_start_time_seconds"), null, GateSettings.Default);

        Assert.Equal(GateStatus.Inconclusive, staging.Status);
        Assert.Contains("of the required 48h00m00s continuous run", staging.Detail, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Pass, local.Status);
    }

    [Fact]
    public void Continuity_StagingWindowOf48HoursHealthy_Passes()
    {
        var e = Evidence.Healthy(length: TimeSpan.FromHours(48));

        Assert.Equal(GateStatus.Pass, ContinuityGate.Evaluate(e.Window, e.Get("up"), e.Get("edgerisk_start_time_seconds"), null, GateSettings.Staging).Status);
    }

    [Fact]
    public void Continuity_StagingShortWindowWithARestart_StillFails()
    {
        var e = Evidence.Healthy(length: TimeSpan.FromMinutes(30));
        var restart = e.Window.Start.AddMinutes(10).ToUnixTimeSeconds();
        e.Series.RemoveAll(s => s.Labels["__name__"] == "edgerisk_start_time_seconds" && s.Labels["job"] == "edgerisk-crypto");
        e.Add("edgerisk_start_time_seconds", "edgerisk-crypto", t => t < restart ? e.Window.Start.AddHours(-1).ToUnixTimeSeconds() : restart);

        Assert.Equal(GateStatus.Fail, ContinuityGate.Evaluate(e.Window, e.Get("up"), e.Get("edgerisk_start_time_seconds"), null, GateSettings.Staging).Status);
    }

    [Fact]
    public void Continuity_ContainerRestartedOrLate_Fails()
    {
        var e = Evidence.Healthy();
        var before = e.Window.Start.AddHours(-1);
        ContainerFacts[] restarted = [new("edgerisk_core_1", "a", 1, false, true, before)];
        ContainerFacts[] healthy = [new("edgerisk_core_1", "a", 0, false, true, before)];

        Assert.Equal(GateStatus.Fail, ContinuityGate.Evaluate(e.Window, e.Get("up"), e.Get("edgerisk_start_time_seconds"), restarted).Status);
        Assert.Equal(GateStatus.Pass, ContinuityGate.Evaluate(e.Window, e.Get("up"), e.Get("edgerisk_start_time_seconds"), healthy).Status);
        Assert.Equal(GateStatus.Inconclusive, ContinuityGate.Evaluate(e.Window, e.Get("up"), e.Get("edgerisk_start_time_seconds"), []).Status);
    }

    [Fact]
    public void Var_ExactlyNinetyFive_Passes()
    {
        var e = Evidence.Healthy();
        e.Set("var_pct", t => t == e.At(Hour), (_, _) => 95);

        var result = e.Var();

        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Equal(0, result.Margin);
    }

    [Fact]
    public void Var_SingleSampleAbove95_FailsIrreversibly()
    {
        var e = Evidence.Healthy();
        e.Set("var_pct", t => t == e.At(Hour * 30), (_, _) => 95.0001);

        var result = e.Var();

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.True(result.Irreversible);
        Assert.Equal(95.0001, result.Value);
    }

    [Fact]
    public void Var_Coverage989Percent_Inconclusive()
    {
        var e = Evidence.Healthy();
        e.Remove("var_pct", t => t < e.At(e.Window.LengthSeconds * 0.011));

        var result = e.Var();

        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Contains("98.9", result.Detail);
    }

    [Fact]
    public void Var_AllSamplesNaN_Inconclusive()
    {
        var e = Evidence.Healthy();
        e.Set("var_pct", _ => true, (_, _) => double.NaN);

        Assert.Equal(GateStatus.Inconclusive, e.Var().Status);
    }

    [Fact]
    public void Var_NoSeries_Inconclusive()
    {
        var e = Evidence.Healthy();
        e.Series.RemoveAll(s => s.Name == "var_pct");

        Assert.Equal(GateStatus.Inconclusive, e.Var().Status);
    }

    [Fact]
    public void PnlDrift_ExactlyHalfSigma_Passes()
    {
        var result = PaperPnlRaisedFromHour24(50).PnlDrift(100m);

        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Equal(0.5, result.Value);
    }

    [Fact]
    public void PnlDrift_HalfSigmaPlusEpsilon_Fails()
    {
        var result = PaperPnlRaisedFromHour24(50.0001).PnlDrift(100m);

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.True(result.Margin < 0);
    }

    /// <summary>A healthy soak whose paper book's PnL is <paramref name="usd"/> higher from hour 24 on (the sim book's unchanged).</summary>
    private static Evidence PaperPnlRaisedFromHour24(double usd)
    {
        var e = Evidence.Healthy();
        var paper = e.Series.First(s => s.Name == "pnl_usd" && s.Labels["book"] == "paper");
        for (var i = 0; i < paper.Times.Count; i++)
        {
            if (paper.Times[i] >= e.At(Hour * 24))
            {
                paper.Values[i] += usd;
            }
        }

        return e;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-1)]
    public void PnlDrift_NoPositiveSigma_Inconclusive(int? sigma)
    {
        Assert.Equal(GateStatus.Inconclusive, Evidence.Healthy().PnlDrift(sigma).Status);
    }

    [Fact]
    public void PnlDrift_SimBookMissing_Inconclusive()
    {
        var e = Evidence.Healthy();
        e.Series.RemoveAll(s => s.Name == "pnl_usd" && s.Labels["book"] == "sim");

        Assert.Equal(GateStatus.Inconclusive, e.PnlDrift().Status);
    }

    [Theory]
    [InlineData(1.03, GateStatus.Fail)]
    [InlineData(1.0299, GateStatus.Pass)]
    public void RssDrift_LastHourMedianAtBoundary_FailsAtThreePercent(double factor, GateStatus expected)
    {
        var e = Evidence.Healthy(step: 60);
        e.Set("process_resident_memory_bytes", t => t > e.Window.EndSeconds - Hour, (_, _) => 1_000_000 * factor);
        e.Set("process_resident_memory_bytes", t => t <= e.Window.EndSeconds - Hour, (_, _) => 1_000_000);

        var result = e.Rss();

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData(0.0301, GateStatus.Fail)]
    [InlineData(0.0299, GateStatus.Pass)]
    public void RssDrift_SteadyGrowth_FailsWhenTrendReachesThreePercent(double growth, GateStatus expected)
    {
        var result = WithRssTrend(growth).Rss();

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData(-1e-6, "trend 0.00%")]
    [InlineData(-0.0, "trend 0.00%")]
    [InlineData(1e-6, "trend 0.00%")]
    [InlineData(-0.0123, "trend -1.23%")]
    [InlineData(0.0123, "trend +1.23%")]
    public void RssDrift_TrendRoundingToZeroOrSigned_DetailShowsOneSignOrNone(double growth, string expected)
    {
        var result = WithRssTrend(growth).Rss();

        Assert.Contains(expected, result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("-+", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("+-", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("-0.00%", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RssDrift_WindowShorterThanThreeHours_Inconclusive()
    {
        var e = new Evidence(60, TimeSpan.FromHours(2.5)).Add("process_resident_memory_bytes", "edgerisk-crypto", _ => 1e8)
            .Add("process_resident_memory_bytes", "edgerisk-stocks", _ => 1e8);

        Assert.Equal(GateStatus.Inconclusive, e.Rss().Status);
    }

    [Fact]
    public void Alerts_TwoWarningEpisodes_Pass()
    {
        var e = Evidence.Healthy().WithAlert("VarHigh", "warning", Hour, Hour + 300).WithAlert("VarHigh", "warning", 2 * Hour, (2 * Hour) + 300);

        var result = e.Alerts();

        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Equal(2, result.Value);
    }

    [Fact]
    public void Alerts_ThirdWarningEpisode_FailsIrreversibly()
    {
        var e = Evidence.Healthy().WithAlert("VarHigh", "warning", Hour, Hour + 300).WithAlert("VarHigh", "warning", 2 * Hour, (2 * Hour) + 300)
            .WithAlert("FeedStale", "warning", 3 * Hour, (3 * Hour) + 60);

        var result = e.Alerts();

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.True(result.Irreversible);
    }

    [Fact]
    public void Alerts_ManyWarningEpisodes_DetailCountsByAlertNameOnOneShortLine()
    {
        var e = Evidence.Healthy();
        for (var i = 0; i < 40; i++)
        {
            e = e.WithAlert("EdgeBlendedOutOfBand", "warning", (i + 1) * 600, ((i + 1) * 600) + 120);
        }

        var result = e.WithAlert("VarHigh", "warning", 30 * Hour, (30 * Hour) + 60).Alerts();

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.StartsWith("41 warning episodes (> 2): EdgeBlendedOutOfBand ×40, VarHigh ×1; first EdgeBlendedOutOfBand", result.Detail, StringComparison.Ordinal);
        Assert.True(result.Detail.Length < 300, result.Detail);
    }

    [Fact]
    public void Alerts_OneCriticalEpisode_Fails()
    {
        var result = Evidence.Healthy().WithAlert("VarCritical", "critical", Hour, Hour + 30).Alerts();

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.True(result.Irreversible);
    }

    [Fact]
    public void Alerts_WarningStillFiringAtEnd_FailsReversibly()
    {
        var e = Evidence.Healthy();
        var result = e.WithAlert("FeedStale", "warning", e.Window.LengthSeconds - 600, e.Window.LengthSeconds).Alerts();

        Assert.Equal(GateStatus.Fail, result.Status);
        Assert.False(result.Irreversible);
        Assert.Contains("still firing", result.Detail);
    }

    [Fact]
    public void Alerts_NoAlertsAndNoEvaluationProof_Inconclusive()
    {
        var e = Evidence.Healthy();
        e.Series.RemoveAll(s => s.Name == "edgerisk_rules_evaluated");

        var result = e.Alerts();

        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Contains("not proven", result.Detail);
    }

    [Fact]
    public void Alerts_HealthyRulesAndCoveredInput_PassWithoutMarker()
    {
        var e = Evidence.Healthy();
        e.Series.RemoveAll(s => s.Name == "edgerisk_rules_evaluated");
        var rules = new RulesEvidence([new AlertRuleState("risk", "VarHigh", "ok", null)]);
        var broken = new RulesEvidence([new AlertRuleState("risk", "VarHigh", "err", "bad expr")]);

        Assert.Equal(GateStatus.Pass, AlertsGate.Evaluate(e.Window, [], [], rules, e.Get("var_pct")).Status);
        Assert.Equal(GateStatus.Inconclusive, AlertsGate.Evaluate(e.Window, [], [], broken, e.Get("var_pct")).Status);
    }

    [Fact]
    public void Combine_OneInconclusiveRestPass_Inconclusive()
    {
        var gates = Evidence.Healthy().All().ToList();
        gates[2] = GateResult.Inconclusive(GateNames.PnlDrift, 0.5, "no σ");

        Assert.Equal(GateStatus.Inconclusive, GateReport.Combine(gates));
        gates[3] = gates[3] with { Status = GateStatus.Fail };
        Assert.Equal(GateStatus.Fail, GateReport.Combine(gates));
        Assert.Equal(GateStatus.Inconclusive, GateReport.Combine(gates.Take(0).ToList()));
    }

    [Fact]
    public void VarBacktest_NoLimit_NotComputable()
    {
        var e = Evidence.Healthy();

        var backtest = VarBacktest.Compute(e.Window, e.Get("pnl_usd"), e.Get("var_pct"), null, TimeSpan.FromHours(1), 0.99);

        Assert.False(backtest.Computable);
        Assert.StartsWith("not computable", backtest.Detail);
    }

    [Fact]
    public void VarBacktest_KupiecAndChristoffersen_MatchHandComputedValues()
    {
        // n = 100, x = 1 at p = 0.01: observed rate equals p, LR = 0, p-value 1.
        Assert.Equal(0, VarBacktest.KupiecPof(100, 1, 0.01), 9);
        Assert.Equal(1, VarBacktest.ChiSquare1PValue(0), 6);
        // χ²₁ 95% critical value 3.8415 → p ≈ 0.05.
        Assert.Equal(0.05, VarBacktest.ChiSquare1PValue(3.841459), 5);
        // Clustered hits are less independent than spread ones.
        bool[] clustered = [.. Enumerable.Repeat(false, 20), true, true, true, .. Enumerable.Repeat(false, 20)];
        bool[] spread = [.. Enumerable.Repeat(false, 10), true, .. Enumerable.Repeat(false, 10), true, .. Enumerable.Repeat(false, 10), true, .. Enumerable.Repeat(false, 10)];
        Assert.True(VarBacktest.ChristoffersenIndependence(clustered) > VarBacktest.ChristoffersenIndependence(spread));
    }

    /// <summary>Healthy evidence with linear RSS whose OLS slope × remaining / B (B = the baseline-hour median) equals <paramref name="growth"/>.</summary>
    private static Evidence WithRssTrend(double growth)
    {
        var e = Evidence.Healthy(step: 60);
        var fitFrom = e.At(Hour);
        var remaining = e.Window.EndSeconds - fitFrom;
        var baseline = 1e8;
        var slope = growth * baseline / remaining;
        var atBaselineMedian = fitFrom + (Hour / 2) - 30;
        e.Set("process_resident_memory_bytes", _ => true, (t, _) => baseline + (slope * (t - atBaselineMedian)));
        return e;
    }
}
