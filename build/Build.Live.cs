using EdgeRisk.Nuke;
using EdgeRisk.Processes;
using EdgeRisk.Release.DryRun;
using EdgeRisk.Release.Staging;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Build;

// Runbook §3: the trading processes' command lines — one at a time by hand (make live-crypto, make live-stocks), or
// both supervised by the dry run.
partial class Build
{
    [Parameter("Replay speed of the local dry run: virtual seconds per wall second, or max")]
    public string Speed { get; set; } = "2880";

    [Parameter("Metrics port of a LiveCrypto/LiveStocks run (default 9101/9102, the ports the local Prometheus scrapes; 0: a free port the OS chooses, logged by the process)")]
    public int? MetricsPort { get; set; }

    [Parameter("LiveCrypto/LiveStocks: resume the books from the Redis journal (resume) or start a new run flat (fresh)")]
    public string Journal { get; set; } = "resume";

    Target LiveCrypto => _ => TradingProcessTarget(_,
        "§3: the crypto trading process (BTC-USD, ETH-USD); local: replay on a virtual clock (--speed, --duration)",
        "edgerisk-crypto", "BTC-USD,ETH-USD", 9101);

    Target LiveStocks => _ => TradingProcessTarget(_,
        "§3: the stocks trading process (NVDA, synthetic replay tape)",
        "edgerisk-stocks", "NVDA", 9102);

    /// <summary>LiveCrypto and LiveStocks: the same checks and run, for one job on its symbols and default metrics port.</summary>
    ITargetDefinition TradingProcessTarget(ITargetDefinition target, string description, string job, string symbols, int defaultMetricsPort) => target
        .Description(description)
        .DependsOn<ICompile>(x => x.Compile)
        .Requires(() => Configuration, IHazConfiguration.ConfigurationProblem)
        .Requires(() => Speed, SpeedProblem)
        .Requires(() => Duration, DurationProblem)
        .Requires(() => MetricsPort, MetricsPortProblem)
        .Requires(() => Journal, JournalProblem)
        .Requires(() => Config, _ => TradingConfigProblem())
        .Executes(() => RunTradingProcess(job, symbols, MetricsPort ?? defaultMetricsPort));

    void RunTradingProcess(string job, string symbols, int metricsPort)
    {
        var redis = LocalServicesState.Read(ServicesState)?.Services.SingleOrDefault(s => s.Name == "redis")
            ?? throw new InvalidOperationException("Redis is not running: run 'make start-services' first.");
        DotNet($"\"{TradingHost}\" live --profile {Profile} --symbols {symbols} --speed {Speed} --duration {DurationText.Format(Duration)} " +
               $"--metrics-port {metricsPort} --redis 127.0.0.1:{redis.Port} --job {job} --journal {Journal} --config \"{ConfigDirectory}\" {string.Join(' ', SkipBadFilesArguments)}", RootDirectory);
    }

    DryRunJob TradingJob(string job, string symbols, int redisPort, TimeSpan? crashAt)
    {
        var recorded = DryRunDirectory / $"{job}.metrics";
        var arguments = new List<string>
        {
            TradingHost, "live", "--profile", "local", "--symbols", symbols, "--speed", Speed,
            "--duration", DurationText.Format(Duration), "--metrics-port", "0", "--redis", $"127.0.0.1:{redisPort}",
            "--record-metrics", recorded, "--record-interval", DurationText.Format(RecordInterval), "--job", job,
        };
        arguments.AddRange([.. ConfigArguments, .. SkipBadFilesArguments]);
        // A restart resumes the books from the journal; the first start of a dry run begins flat.
        var restart = arguments.ToList();
        arguments.AddRange(["--journal", "fresh"]);
        if (crashAt is not null)
        {
            arguments.AddRange(["--crash-at", DurationText.Format(crashAt.Value)]);
        }

        return new DryRunJob(job, "dotnet", arguments, recorded)
        {
            RestartArguments = restart,
            WorkingDirectory = RootDirectory,
            Environment = DryRunJob.TradingProcessRuntime,
        };
    }
}
