using EdgeRisk.Evidence.Reporting;
using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Release.DryRun;
using EdgeRisk.Release.DryRun.Progress;
using EdgeRisk.Release.Git;
using EdgeRisk.Release.PagerDuty;
using EdgeRisk.Release.Promotion;
using EdgeRisk.Release.Staging;
using Spectre.Console;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Build;

// Runbook §3: the dry run that produces the evidence (LocalDryRun on a virtual clock, StagingDryRun in real time).
partial class Build
{
    AbsolutePath DryRunDirectory => ArtifactsDirectory / "dry-run";

    [Parameter("Fault injection for the dry run: the crypto process crashes once at this virtual offset (e.g. 10h)")]
    public TimeSpan? CrashAt { get; set; }

    [Parameter("Local dry run in CI or redirected output: a status line every this much virtual time (on a terminal the status is a live display)")]
    public TimeSpan ProgressEvery { get; set; } = DryRunProgressLines.DefaultEvery;

    static readonly TimeSpan RecordInterval = TimeSpan.FromSeconds(15);

    Target DryRun => _ => _
        .Description("§3: LiveCrypto + LiveStocks for --duration with live gates (local: virtual clock, metrics backfilled into a real Prometheus; staging: real time against --prometheus-url, healthcheck_loop.sh alongside)")
        .DependsOn(ImportDashboards, Backtest)
        .Requires(() => StagingPrometheusGiven("DryRun"), () => GatesOutputUsable(), () => GatesFileUsable())
        // Staging: the health watchdog alongside pages PagerDuty; without a routing key a failure would page nobody.
        .Requires(() => Configured(ReleaseService.PagerDuty))
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .Requires(() => Configuration, IHazConfiguration.ConfigurationProblem)
        .Requires(() => Speed, SpeedProblem)
        .Requires(() => Duration, DurationProblem)
        .Requires(() => CrashAt, CrashAtProblem)
        .Requires(() => ProgressEvery, ProgressEveryProblem)
        .Requires(() => Window, DryRunWindowProblem)
        .Requires(() => PnlSigmaUsd, PnlSigmaProblem)
        .Requires(() => Config, _ => TradingConfigProblem())
        .Requires(() => PrometheusUrl, url => HttpUrlProblem(url, "http://127.0.0.1:9090"))
        .Requires(() => PushgatewayUrl, url => HttpUrlProblem(url, "http://127.0.0.1:9091"))
        .Requires(() => DockerHost, DockerHostProblem)
        .Requires(() => ComposeProject, ComposeProjectProblem)
        .Requires(() => Timeout, TimeoutProblem)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            if (!IsLocalProfile)
            {
                await StagingDryRunAsync();
                return;
            }

            var redis = LocalServicesState.Read(ServicesState)?.Services.Single(s => s.Name == "redis")
                ?? throw new InvalidOperationException("Redis is not running: run './build.sh StageDeploy' first.");
            var result = await new LocalDryRun(LocalDryRunOptions(redis.Port, await ReportOptionsAsync()), TimeProvider,
                    message => Log.Information(message), message => Log.Warning(message))
                .RunAsync(WithLiveConsoleAsync, Cancellation);
            if (result is { Stop: { } stop, Final: { } final })
            {
                GateTableRenderer.Render(AnsiConsole.Console, final);
                throw new InvalidOperationException(
                    $"Dry run stopped early, verdict FAIL: {stop.Reason}. Evidence so far in Prometheus {result.Evidence.Url}; report {GatesDirectory / "report.md"}.");
            }

            if (result.Final is { } judged)
            {
                Log.Information($"Live gates ran to the end of the window; final judgement {judged.Verdict} (EvaluateGates decides).");
            }
        });

    /// <summary>The local dry run: LiveCrypto (crashing once at --crash-at) and LiveStocks on Redis at <paramref name="redisPort"/>.</summary>
    LocalDryRunOptions LocalDryRunOptions(int redisPort, GateReportOptions report) => new()
    {
        RepositoryRoot = RootDirectory,
        OutputDirectory = DryRunDirectory,
        GatesDirectory = GatesDirectory,
        Jobs =
        [
            TradingJob("edgerisk-crypto", "BTC-USD,ETH-USD", redisPort, CrashAt),
            TradingJob("edgerisk-stocks", "NVDA", redisPort, null),
        ],
        Duration = Duration,
        WindowLength = Window,
        RecordInterval = RecordInterval,
        Live = Live ?? true,
        PushgatewayUrl = HttpUrl(PushgatewayUrl),
        ProgressEvery = ProgressEvery,
        PnlSigmaUsd = GateOptionsBuilder.ResolvedPnlSigmaUsd,
        LiveGates = GateOptionsBuilder.Live(),
        FinalGates = GateOptions,
        Report = report,
    };

    /// <summary>
    /// Staging (runbook §3): the compose stack runs the trading containers already; the live gates judge the staging
    /// Prometheus every minute of real time for --duration with scripts/healthcheck_loop.sh alongside, push the gate
    /// series to --pushgateway-url, and stop at the first irreversible failure. The final report goes to the gates
    /// directory and artifacts/dry-run/staging-run.json names its window for EvaluateGates.
    /// </summary>
    async Task StagingDryRunAsync()
    {
        using (var health = StackHealth.Connect(ComposeProject, TimeProvider, DockerHost))
        {
            AnsiConsole.Write(StackHealth.RenderTable(await health.WaitUntilHealthyAsync(StagingServices, TimeSpan.FromMinutes(2))));
        }

        var prometheus = HttpUrl(PrometheusUrl)!;
        var pagerDuty = Settings.PagerDuty();
        var log = DryRunDirectory / "healthcheck.log";
        DryRunDirectory.CreateDirectory();
        log.DeleteFile();
        var options = new StagingDryRunOptions
        {
            PrometheusUrl = prometheus,
            OutputDirectory = DryRunDirectory,
            GatesDirectory = GatesDirectory,
            Report = await ReportOptionsAsync(),
            Duration = Duration,
            WindowLength = Window,
            PushgatewayUrl = HttpUrl(PushgatewayUrl),
            // Without --http/--redis the script checks the staging set; its Prometheus is the one the gates read.
            Healthcheck = HealthcheckLoopOptions.Script(RootDirectory, log, environment: new Dictionary<string, string>
            {
                ["PROMETHEUS_URL"] = prometheus.AbsoluteUri.TrimEnd('/'),
                [PagerDutyOptions.RoutingKeyVariable] = pagerDuty.RoutingKey.Reveal(),
                [PagerDutyOptions.UrlVariable] = pagerDuty.BaseUrl.AbsoluteUri.TrimEnd('/'),
            }),
            PnlSigmaUsd = GateOptionsBuilder.ResolvedPnlSigmaUsd,
            Gates = GateOptionsBuilder.Staging(),
        };
        await using var dryRun = new StagingDryRun(options, TimeProvider, message => Log.Information(message), message => Log.Warning(message));
        var result = await dryRun.RunAsync(Cancellation);
        if (result.Healthcheck is { Failures: > 0 } watchdog)
        {
            Log.Warning($"Health watchdog failed {watchdog.Failures} time(s) during the dry run (each paged PagerDuty): {watchdog.LogPath}");
        }

        if (result.PushFailures > 0)
        {
            Log.Warning($"{result.PushFailures} of {result.Pushes + result.PushFailures} pushes to the Pushgateway failed; the gates did not depend on them.");
        }

        GateTableRenderer.Render(AnsiConsole.Console, result.Final);
        if (result.Stop is { } stop)
        {
            throw new InvalidOperationException(
                $"Dry run stopped early, verdict FAIL: {stop.Reason}. Evidence so far: report {GatesDirectory / "report.md"}; health watchdog stopped (log {log}).");
        }

        Log.Information($"Staging dry run ran to the end of {result.Window.Start:u} .. {result.Window.End:u}; final judgement {result.Verdict} in {GatesDirectory / "gates.json"} (EvaluateGates decides).");
    }

    /// <summary>A Requires() check: staging judges the staging Prometheus, which must be named (its URL is checked with the other parameters).</summary>
    bool StagingPrometheusGiven(string target) =>
        IsLocalProfile || PrometheusUrl is not null
            ? true
            : throw new BuildConfigurationException($"{target} in staging needs the staging Prometheus: pass --prometheus-url URL or set PROMETHEUS_URL (e.g. http://127.0.0.1:9090)");
}
