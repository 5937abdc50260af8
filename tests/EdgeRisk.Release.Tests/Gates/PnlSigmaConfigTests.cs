namespace EdgeRisk.Release.Tests.Gates;

/// <summary>pnl_drift judges a run only with σ computed for the configuration that run used.</summary>
public sealed class PnlSigmaConfigTests
{
    [Fact]
    public async Task Evaluate_StatsForOtherConfigThanTheRun_PnlDriftInconclusiveNamingBothHashes()
    {
        var evidence = WithBuildInfo(Evidence.Healthy(), "bbbbbbbbbbbb");

        var report = await Evaluate(evidence, new PnlSigmaConfig("aaaaaaaaaaaa"));

        var pnl = report.Gates.Single(g => g.Name == GateNames.PnlDrift);
        Assert.Equal(GateStatus.Inconclusive, pnl.Status);
        Assert.Equal("σ was computed for config aaaaaaaaaaaa but the run used config bbbbbbbbbbbb; rerun './build.sh Backtest' with the --config being released", pnl.Detail);
    }

    [Fact]
    public async Task Evaluate_StatsForTheRunsConfig_PnlDriftPasses()
    {
        var evidence = WithBuildInfo(Evidence.Healthy(), "aaaaaaaaaaaa");

        var report = await Evaluate(evidence, new PnlSigmaConfig("aaaaaaaaaaaa"));

        Assert.Equal(GateStatus.Pass, report.Gates.Single(g => g.Name == GateNames.PnlDrift).Status);
    }

    [Fact]
    public async Task Evaluate_RunWithoutBuildInfo_PnlDriftInconclusive()
    {
        var report = await Evaluate(Evidence.Healthy(), new PnlSigmaConfig("aaaaaaaaaaaa"));

        var pnl = report.Gates.Single(g => g.Name == GateNames.PnlDrift);
        Assert.Equal(GateStatus.Inconclusive, pnl.Status);
        Assert.Contains("edgerisk_build_info", pnl.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MismatchWith_StatsWithoutHash_NamesTheFileAndTheFix()
    {
        var buildInfo = WithBuildInfo(Evidence.Healthy(), "aaaaaaaaaaaa").Get("edgerisk_build_info");

        var reason = new PnlSigmaConfig(null).MismatchWith(buildInfo);

        Assert.StartsWith("pnl_stats.json has no config_hash", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MismatchWith_OneProcessOnUnknownConfig_Reason()
    {
        var evidence = WithBuildInfo(Evidence.Healthy(), "aaaaaaaaaaaa");
        evidence.Add("edgerisk_build_info", "edgerisk-stocks", _ => 1, ("config_hash", "unknown"));

        Assert.NotNull(new PnlSigmaConfig("aaaaaaaaaaaa").MismatchWith(evidence.Get("edgerisk_build_info")));
    }

    [Fact]
    public void For_ReadsTheStatsFilesHashUnlessSigmaIsGiven()
    {
        using var dir = new TempDirectory();
        var stats = dir.Combine("pnl_stats.json");
        File.WriteAllText(stats, """{ "pnl_sigma_usd": 12.5, "config_hash": "0123456789ab" }""");

        Assert.Equal(new PnlSigmaConfig("0123456789ab"), PnlSigmaConfig.For(null, stats));
        Assert.Equal(new PnlSigmaConfig(null), PnlSigmaConfig.For(null, dir.Combine("missing.json")));
        Assert.Null(PnlSigmaConfig.For(12.5m, stats));
    }

    private static Evidence WithBuildInfo(Evidence evidence, string hash)
    {
        foreach (var job in new[] { "edgerisk-crypto", "edgerisk-stocks" })
        {
            evidence.Add("edgerisk_build_info", job, _ => 1, ("version", "0.4.0"), ("commit", "abc"), ("config_hash", hash));
        }

        return evidence;
    }

    private static Task<GateReport> Evaluate(Evidence evidence, PnlSigmaConfig config) =>
        new GateEvaluator(TimeProvider.System).EvaluateAsync(new SeriesSource(evidence), evidence.Window, 100m,
            new GateEvaluationOptions { PnlSigmaConfig = config }, null, CancellationToken.None);

    /// <summary>Hand-built evidence by metric name (the selector's name part), no rules, no containers.</summary>
    private sealed class SeriesSource(Evidence evidence) : IEvidenceSource
    {
        public EvidenceRecording Recording { get; } = new();

        public Task<IReadOnlyList<TimeSeries>> GetSeriesAsync(string selector, GateWindow window, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TimeSeries>>(evidence.Get(selector.Split('{')[0]));

        public Task<RulesEvidence?> GetAlertRulesAsync(CancellationToken cancellationToken) => Task.FromResult<RulesEvidence?>(null);

        public Task<IReadOnlyList<ContainerFacts>?> GetContainersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ContainerFacts>?>(null);
    }
}
