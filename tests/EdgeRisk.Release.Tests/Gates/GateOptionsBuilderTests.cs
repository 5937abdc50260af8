namespace EdgeRisk.Release.Tests.Gates;

/// <summary>What EvaluateGates judges when told which evidence, and when it finds it in the dry run's directory.</summary>
public sealed class GateOptionsBuilderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new("gate-options");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Build_EvidenceDirectory_JudgedOfflineOverDuration()
    {
        var options = Builder() with { Evidence = "evidence", PrometheusUrl = "http://127.0.0.1:9090", Duration = TimeSpan.FromHours(12) };

        var built = options.Build();

        Assert.Equal("evidence", built.EvidenceDirectory);
        Assert.Null(built.PrometheusUrl);
        Assert.Equal(TimeSpan.FromHours(12), built.WindowLength);
    }

    [Fact]
    public void Build_NoSourceAndNoDryRun_ThrowsNamingTheFlags()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder().Build());

        Assert.Equal("No evidence: pass --prometheus-url URL or --evidence DIR, or run './build.sh DryRun' first.", error.Message);
    }

    [Fact]
    public void Build_LocalDryRunsPrometheus_JudgesItUpToItsWindowEnd()
    {
        new EvidencePrometheusState(4242, 9099, new Uri("http://127.0.0.1:9099"), _dir.Combine("data"), Start, Start.AddHours(48))
            .Save(_dir.Combine(DryRunEvidencePipeline.StateFileName));

        var built = Builder().Build();

        Assert.Equal(new Uri("http://127.0.0.1:9099"), built.PrometheusUrl);
        Assert.Equal(Start.AddHours(48), built.WindowEnd);
        Assert.Equal(TimeSpan.FromHours(48), built.WindowLength);
    }

    /// <summary>
    /// A staging run of 20 h on http://prometheus.staging:9090/: the given Prometheus is judged, over the run's window
    /// when it is the run's (however spelled), else over --duration (48 h) up to now.
    /// </summary>
    [Theory]
    [InlineData("HTTP://prometheus.staging:9090", 20, 20)]
    [InlineData("http://other:9090", null, 48)]
    public void Build_StagingRunRecorded_JudgesTheGivenPrometheusOverTheRunsWindowOnlyIfItIsTheRuns(
        string prometheusUrl, int? windowEndHours, int windowLengthHours)
    {
        new StagingDryRunState(new Uri("http://prometheus.staging:9090/"), Start, Start.AddHours(20), "FAIL", "rss drift")
            .Save(_dir.Combine(StagingDryRunState.FileName));

        var built = (Builder() with { LocalProfile = false, PrometheusUrl = prometheusUrl }).Build();

        Assert.Equal(new Uri(prometheusUrl), built.PrometheusUrl);
        Assert.Equal(windowEndHours is { } hours ? Start.AddHours(hours) : null, built.WindowEnd);
        Assert.Equal(TimeSpan.FromHours(windowLengthHours), built.WindowLength);
    }

    [Fact]
    public void Staging_DockerHostAndTimeout_CarriedToTheStagingRunsGates()
    {
        var built = (Builder() with { DockerHost = "unix:///var/run/docker.sock", ComposeProject = "edgerisk-soak", Timeout = TimeSpan.FromMinutes(3) }).Staging();

        Assert.Equal(new Uri("unix:///var/run/docker.sock"), built.DockerHost);
        Assert.Equal("edgerisk-soak", built.ComposeProject);
        Assert.Equal(TimeSpan.FromMinutes(3), built.Source.Timeout);
        Assert.Null(built.PrometheusUrl);
    }

    [Fact]
    public void ResolvedPnlSigmaUsd_NotGiven_ReadFromTheSimsStats()
    {
        var stats = _dir.Combine("pnl_stats.json");
        File.WriteAllText(stats, """{"pnl_sigma_usd": 123.45}""");

        var options = Builder() with { PnlStatsPath = stats };

        Assert.Equal(123.45m, options.ResolvedPnlSigmaUsd);
        Assert.Equal(7m, (options with { PnlSigmaUsd = 7m }).ResolvedPnlSigmaUsd);
    }

    private GateOptionsBuilder Builder() => new()
    {
        DryRunDirectory = _dir.Path,
        Settings = GateSettings.Default,
        PnlStatsPath = _dir.Combine("missing.json"),
    };
}
