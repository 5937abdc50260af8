using EdgeRisk.Nuke;
using EdgeRisk.Release.Staging;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;

namespace EdgeRisk.Build;

// Runbook §3 by hand: one trading process at a time (make live-crypto, make live-stocks).
partial class Build
{
    [Parameter("Metrics port of a LiveCrypto/LiveStocks run (default 9101/9102, the ports the local Prometheus scrapes; 0: a free port the OS chooses, logged by the process)")]
    public int? MetricsPort { get; set; }

    [Parameter("LiveCrypto/LiveStocks: resume the books from the Redis journal (resume) or start a new run flat (fresh)")]
    public string Journal { get; set; } = "resume";

    Target LiveCrypto => _ => _
        .Description("§3: the crypto trading process (BTC-USD, ETH-USD); local: replay on a virtual clock (--speed, --duration)")
        .DependsOn(Compile)
        .Requires(() => Configuration, ConfigurationProblem)
        .Requires(() => Speed, SpeedProblem)
        .Requires(() => Duration, DurationProblem)
        .Requires(() => MetricsPort, MetricsPortProblem)
        .Requires(() => Journal, JournalProblem)
        .Requires(() => Config, _ => TradingConfigProblem())
        .Executes(() => RunTradingProcess("edgerisk-crypto", "BTC-USD,ETH-USD", MetricsPort ?? 9101));

    Target LiveStocks => _ => _
        .Description("§3: the stocks trading process (NVDA, synthetic replay tape)")
        .DependsOn(Compile)
        .Requires(() => Configuration, ConfigurationProblem)
        .Requires(() => Speed, SpeedProblem)
        .Requires(() => Duration, DurationProblem)
        .Requires(() => MetricsPort, MetricsPortProblem)
        .Requires(() => Journal, JournalProblem)
        .Requires(() => Config, _ => TradingConfigProblem())
        .Executes(() => RunTradingProcess("edgerisk-stocks", "NVDA", MetricsPort ?? 9102));

    void RunTradingProcess(string job, string symbols, int metricsPort)
    {
        var redis = LocalServicesState.Read(ServicesState)?.Services.SingleOrDefault(s => s.Name == "redis")
            ?? throw new InvalidOperationException("Redis is not running: run 'make start-services' first.");
        DotNet($"\"{TradingHost}\" live --profile {Profile} --symbols {symbols} --speed {Speed} --duration {DurationText.Format(Duration)} " +
               $"--metrics-port {metricsPort} --redis 127.0.0.1:{redis.Port} --job {job} --journal {Journal} --config \"{ConfigDirectory}\" {string.Join(' ', SkipBadFilesArguments)}", RootDirectory);
    }
}
