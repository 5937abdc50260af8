using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Release.DryRun;
using EdgeRisk.Release.DryRun.Progress;
using EdgeRisk.Release.Gates;
using EdgeRisk.Release.Gates.Live;
using EdgeRisk.Release.PagerDuty;
using EdgeRisk.Release.Prometheus;
using EdgeRisk.Release.Promotion;
using EdgeRisk.Release.Reporting;
using EdgeRisk.Release.Staging;
using Spectre.Console;

namespace EdgeRisk.Build;

// Runbook §3 and §5: the dry run that produces the evidence, and the gates that judge it.
partial class Build
{
    AbsolutePath GatesDirectory => Output is null ? ArtifactsDirectory / "gates" : RootDirectory / Output;
    AbsolutePath DryRunDirectory => ArtifactsDirectory / "dry-run";

    [Parameter("Replay speed of the local dry run: virtual seconds per wall second, or max")]
    public string Speed { get; set; } = "2880";

    [Parameter("Fault injection for the dry run: the crypto process crashes once at this virtual offset (e.g. 10h)")]
    public TimeSpan? CrashAt { get; set; }

    [Parameter("Prometheus to evaluate the gates against (default: the dry run's)")]
    public string? PrometheusUrl { get; set; }

    [Parameter("Re-derive the gates offline from an evidence directory instead of Prometheus")]
    public string? Evidence { get; set; }

    [Parameter("End of the gate window, ISO-8601 (default: end of the dry run)")]
    public DateTimeOffset? WindowEnd { get; set; }

    [Parameter("σ of 48 h sim PnL in USD (default: artifacts/sim/pnl_stats.json)")]
    public decimal? PnlSigmaUsd { get; set; }

    [Parameter("Gate window length (default: --duration)")]
    public TimeSpan? Window { get; set; }

    [Parameter("Docker engine whose compose project the continuity gate also checks, e.g. unix:///var/run/docker.sock")]
    public string? DockerHost { get; set; }

    [Parameter("Compose project checked with --docker-host")]
    public string ComposeProject { get; set; } = "edgerisk";

    [Parameter("Directory for gates.json, report.md, plots and evidence (default: artifacts/gates)")]
    public string? Output { get; set; }

    [Parameter("Judge the gates every minute of run time and stop at the first irreversible failure (default: on for DryRun, off for EvaluateGates)")]
    public bool? Live { get; set; }

    [Parameter("Pushgateway for the live gate series of DryRun and EvaluateGates --live, e.g. http://127.0.0.1:9091")]
    public string? PushgatewayUrl { get; set; }

    [Parameter("Deadline of the gates' evidence fetching from Prometheus, retries and reply bodies included (EvaluateGates, the dry run's last judgement), e.g. 2m")]
    public TimeSpan Timeout { get; set; } = PrometheusSourceOptions.DefaultTimeout;

    [Parameter("Local dry run in CI or redirected output: a status line every this much virtual time (on a terminal the status is a live display)")]
    public TimeSpan ProgressEvery { get; set; } = DryRunProgressLines.DefaultEvery;

    [Parameter("Gates file the gates judge by: thresholds, windows, warm-up and statistic per gate, per-profile overrides (schema config/gates.schema.json)")]
    public string Gates { get; set; } = GatesFile.DefaultPath;

    static readonly TimeSpan RecordInterval = TimeSpan.FromSeconds(15);

    GateSettings? _gateSettings;

    /// <summary>The --gates file was loaded and found valid.</summary>
    bool GatesFileChecked => _gateSettings is not null;

    /// <summary>The --gates file's settings for --profile; validated before any target runs (<see cref="GatesFileUsable"/>).</summary>
    GateSettings GateSettings => _gateSettings ??= GatesFile.Load(Path.IsPathRooted(Gates) ? Gates : RootDirectory / Gates, Gates).Settings(Profile);

    /// <summary>A Requires() check: the --gates file matches its schema and makes sense (one line naming the file, the key and the fix, exit code 2).</summary>
    bool GatesFileUsable()
    {
        try
        {
            _ = GateSettings;
            return true;
        }
        catch (GateConfigurationException e)
        {
            throw new BuildConfigurationException(e.Message);
        }
    }

    Target DryRun => _ => _
        .Description("§3: LiveCrypto + LiveStocks for --duration with live gates (local: virtual clock, metrics backfilled into a real Prometheus; staging: real time against --prometheus-url, healthcheck_loop.sh alongside)")
        .DependsOn(ImportDashboards, Backtest)
        .Requires(() => StagingPrometheusGiven("DryRun"), () => GatesOutputUsable(), () => GatesFileUsable())
        // Staging: the health watchdog alongside pages PagerDuty; without a routing key a failure would page nobody.
        .Requires(() => Configured(ReleaseService.PagerDuty))
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .Requires(() => Configuration, ConfigurationProblem)
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
            // A previous dry run's Prometheus may still serve its evidence: stop it before its state file goes.
            if (await StopDryRunPrometheusAsync())
            {
                Log.Information("Stopped the previous dry run's Prometheus");
            }

            DryRunDirectory.DeleteDirectory();
            DryRunDirectory.CreateDirectory();
            // Interrupted (SIGINT/SIGTERM): the supervisor kills the trading processes and the live alerts' Prometheus is
            // disposed; this, disposed last, stops the evidence Prometheus too, so nothing of the run outlives the build.
            await using var onInterrupt = new OnInterrupt(StopDryRunPrometheusAsync, Cancellation);
            var jobs = new[]
            {
                TradingJob("edgerisk-crypto", "BTC-USD,ETH-USD", redis.Port, CrashAt),
                TradingJob("edgerisk-stocks", "NVDA", redis.Port, null),
            };
            using var supervisor = new TradingProcessSupervisor(
                new TradingProcessSupervisorOptions { LogDirectory = DryRunDirectory, MaxRestarts = 3 }, TimeProvider);
            var live = Live ?? true;
            // Live, a real Prometheus evaluates the alert rules on the virtual clock as the recordings grow.
            await using var liveAlerts = live
                ? await LiveAlertsPrometheus.StartAsync(DryRunDirectory, DryRunEvidenceOptions.ProjectRuleFiles(RootDirectory), RecordInterval,
                    Duration, TimeProvider, Cancellation)
                : null;
            var recordings = new RecordedLiveEvidence(jobs.Select(j => new RecordedMetricsSource(j.Job, j.RecordedMetricsPath)).ToList(),
                new RecordedLiveEvidenceOptions { ScrapeInterval = RecordInterval, ExpectedDuration = Duration }, liveAlerts?.Evaluation);
            var progress = new DryRunProgressSource(jobs.Select(j => new RecordedMetricsSource(j.Job, j.RecordedMetricsPath)).ToList(), Duration, live);
            var run = supervisor.RunAsync(jobs, Cancellation);
            var watch = live ? WatchDryRunAsync(recordings, supervisor, run, progress) : Task.FromResult<(LiveGateOutcome, GateWindow)?>(null);
            var shown = WithLiveConsoleAsync(console =>
                DryRunProgressReporter.RunAsync(console, progress, run, ProgressEvery, Log.Information, TimeProvider, Cancellation));
            var outcome = await run;
            await shown;
            recordings.MarkWritersExited();
            var watched = await watch;
            Cancellation.ThrowIfCancellationRequested();
            if (liveAlerts is not null)
            {
                Log.Information(recordings.AlertsProblem is { } problem
                    ? $"Live alerts: {problem}; the alerts gate is judged on the backfill only"
                    : $"Live alerts: {liveAlerts.Evaluation.SamplesWritten} samples written to Prometheus {liveAlerts.Url}, rules evaluated up to {liveAlerts.Evaluation.EvaluatedUpTo:u}");
                await liveAlerts.DisposeAsync();
            }

            foreach (var job in outcome.Jobs)
            {
                Log.Information($"{job.Job}: exit codes [{string.Join(", ", job.ExitCodes)}], restarts {job.Restarts}, virtual {job.FirstSampleTime:u} .. {job.LastSampleTime:u}");
            }

            var pipeline = new DryRunEvidencePipeline(TimeProvider);
            var evidence = await pipeline.RunAsync(
                DryRunEvidenceOptions.FromOutcome(RootDirectory, outcome, RecordInterval, Duration), Cancellation);
            Log.Information($"Dry-run evidence in Prometheus {evidence.Url} (pid {evidence.Pid}), window {evidence.Window.Start:u} .. {evidence.Window.End:u}");
            if (watched is not var (liveOutcome, liveWindow))
            {
                return;
            }

            // The last judgement is made on the backfilled evidence, ALERTS included: the same evaluation as EvaluateGates.
            var finalEnd = liveOutcome.Stop?.Time ?? liveWindow.End;
            var final = await new GateEvaluator(TimeProvider).EvaluateAsync(
                GateOptions() with { PrometheusUrl = evidence.Url, EvidenceDirectory = null, WindowEnd = finalEnd, WindowLength = finalEnd - liveWindow.Start },
                null, Cancellation);
            var series = liveOutcome.Snapshots.Where(s => s.Time < finalEnd).Append(LiveGateSnapshot.From(final, liveWindow)).ToList();
            var gatesFile = DryRunDirectory / "gates.om";
            gatesFile.WriteAllText(GateMetricsExporter.ToOpenMetrics(series, RecordInterval));
            evidence = await pipeline.AddOpenMetricsAsync(evidence, gatesFile, RecordInterval, Cancellation);
            Log.Information($"Live gates: {series.Count} judgements of {liveWindow.Start:u} .. {finalEnd:u} as edgerisk_gate_* in Prometheus {evidence.Url}");
            if (liveOutcome.Stop is { } stop)
            {
                await GateReportWriter.WriteAsync(final, GatesDirectory, await ReportOptionsAsync());
                GateTableRenderer.Render(AnsiConsole.Console, final);
                throw new InvalidOperationException(
                    $"Dry run stopped early, verdict FAIL: {stop.Reason}. Evidence so far in Prometheus {evidence.Url}; report {GatesDirectory / "report.md"}.");
            }

            Log.Information($"Live gates ran to the end of the window; final judgement {final.Verdict} (EvaluateGates decides).");
        });

    /// <summary>
    /// Stops the dry run's Prometheus processes named in artifacts/dry-run (the evidence's prometheus.json, and the live
    /// alerts' live-prometheus.json a killed run may have left); false when there was none.
    /// </summary>
    async Task<bool> StopDryRunPrometheusAsync()
    {
        var evidence = await EvidencePrometheus.StopNamedAsync(DryRunDirectory / DryRunEvidencePipeline.StateFileName, TimeProvider, CancellationToken.None);
        var liveAlerts = await EvidencePrometheus.StopNamedAsync(DryRunDirectory / LiveAlertsPrometheus.StateFileName, TimeProvider, CancellationToken.None);
        return evidence || liveAlerts;
    }

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
            PnlSigmaUsd = PnlSigmaUsd ?? GateEvaluator.ReadSigma(PnlStats),
            Gates = new GateEvaluationOptions
            {
                PnlSigmaConfig = PnlSigmaConfig.For(PnlSigmaUsd, PnlStats),
                DockerHost = DockerHost is null ? null : new Uri(DockerHost), ComposeProject = ComposeProject,
                Source = new PrometheusSourceOptions { Timeout = Timeout }, Settings = GateSettings,
            },
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

    /// <summary>A URL parameter as a Uri; its value was checked by HttpUrlProblem before any target ran.</summary>
    /// <summary>report.md's header: the release, the commit judged (HEAD) and the Grafana link when GRAFANA_URL is known.</summary>
    async Task<GateReportOptions> ReportOptionsAsync() => new()
    {
        Version = GaTag,
        Commit = await Repository.ResolveCommitAsync("HEAD", Cancellation),
        GrafanaUrl = HttpUrl(GrafanaUrl),
    };

    static Uri? HttpUrl(string? value) => value is null ? null : new Uri(value, UriKind.Absolute);

    /// <summary>
    /// An evaluation the user asked for — EvaluateGates named on the command line, or its evidence (--evidence,
    /// --prometheus-url) given there — runs after the release was promoted too; AlreadyPromoted skips only the
    /// release chain's (Promote re-run, or staging's PROMETHEUS_URL from the environment).
    /// </summary>
    bool EvaluationAskedFor =>
        InvokedTargets.Contains(nameof(EvaluateGates)) || CommandLineParameters.Contains(nameof(Evidence)) || CommandLineParameters.Contains(nameof(PrometheusUrl));

    /// <summary>A Requires() check: the report goes into a new or empty folder, or over a report written there before — never over someone's folder.</summary>
    bool GatesOutputUsable() =>
        GateReportWriter.OutputProblem(GatesDirectory) is not { } problem
            ? true
            : throw new BuildConfigurationException(Output is null ? problem : $"--output {Output}: {problem}");

    /// <summary>Judges the gates on the growing recordings and stops the supervised run at the first irreversible failure.</summary>
    async Task<(LiveGateOutcome, GateWindow)?> WatchDryRunAsync(RecordedLiveEvidence recordings, TradingProcessSupervisor supervisor, Task<DryRunOutcome> run,
        DryRunProgressSource progress)
    {
        while (recordings.FirstSnapshot is null)
        {
            var exited = run.IsCompleted;
            await recordings.RefreshAsync(Cancellation);
            if (recordings.FirstSnapshot is not null)
            {
                break;
            }

            if (exited)
            {
                Log.Warning("Live gates: the trading processes recorded nothing; nothing to judge live.");
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider, Cancellation);
        }

        // The window EvaluateGates judges after a full run: the processes record from their first snapshot to --duration after it.
        var window = GateWindow.Ending(recordings.FirstSnapshot.Value + Duration, Window ?? Duration);
        var monitor = new LiveGateMonitor(new LiveGateOptions
        {
            Window = window,
            PnlSigmaUsd = PnlSigmaUsd ?? GateEvaluator.ReadSigma(PnlStats),
            Gates = new GateEvaluationOptions { PnlSigmaConfig = PnlSigmaConfig.For(PnlSigmaUsd, PnlStats), Settings = GateSettings },
        }, recordings, TimeProvider);
        using var gates = new LiveGateRun(monitor, HttpUrl(PushgatewayUrl), TimeProvider, message => Log.Warning(message));
        var wall = TimeProvider.GetTimestamp();
        var outcome = await gates.RunAsync((step, _) =>
        {
            if (step.Snapshots.Count > 0)
            {
                progress.Observe(step.Snapshots[^1]);
            }

            if (step.Stop is { } stop)
            {
                Log.Warning($"Live gates: stopping the dry run after {TimeProvider.GetElapsedTime(wall).TotalSeconds:0.0} s wall: {stop.Reason}");
                supervisor.Stop(stop.Reason);
            }

            return Task.CompletedTask;
        }, Cancellation);
        if (PushgatewayUrl is not null)
        {
            Log.Information($"Live gates: {gates.Pushes} judgements pushed to {PushgatewayUrl}, {gates.PushFailures} failed");
        }

        Log.Information($"Live gates: {outcome.Snapshots.Count} judgements, live verdict so far {outcome.Verdict}");
        return (outcome, window);
    }

    Target EvaluateGates => _ => _
        .Description("§5: the five GA exit criteria from Prometheus (and Docker) evidence; fails unless all PASS")
        .After(DryRun)
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .Requires(() => Duration, DurationProblem)
        .Requires(() => Window, EvaluateGatesWindowProblem)
        .Requires(() => WindowEnd, WindowEndProblem)
        .Requires(() => Live, LiveProblem)
        .Requires(() => Evidence, EvidenceProblem)
        .Requires(() => PrometheusUrl, GatesPrometheusUrlProblem)
        .Requires(() => PushgatewayUrl, url => HttpUrlProblem(url, "http://127.0.0.1:9091"))
        .Requires(() => PnlSigmaUsd, PnlSigmaProblem)
        .Requires(() => DockerHost, DockerHostProblem)
        .Requires(() => ComposeProject, ComposeProjectProblem)
        .Requires(() => Timeout, TimeoutProblem)
        .Requires(() => GatesOutputUsable(), () => GatesFileUsable())
        .OnlyWhenDynamic(() => !AlreadyPromoted || EvaluationAskedFor)
        .Executes(async () =>
        {
            var options = GateOptions();
            if (Live == true)
            {
                await EvaluateGatesLiveAsync(options);
            }

            var evaluator = new GateEvaluator(TimeProvider);
            var report = await GateConsoleProgress.RunAsync(AnsiConsole.Console, progress => evaluator.EvaluateAsync(options, progress, Cancellation));
            await GateReportWriter.WriteAsync(report, GatesDirectory, await ReportOptionsAsync());
            GateTableRenderer.Render(AnsiConsole.Console, report);
            Log.Information($"Verdict {report.Verdict}: {GatesDirectory / "report.md"}");
            if (report.Verdict != GateStatus.Pass)
            {
                throw new InvalidOperationException($"Gates verdict {report.Verdict}: promotion refused (see {GatesDirectory / "report.md"}).");
            }
        });

    /// <summary>
    /// EvaluateGates --live: judges every minute of the window against Prometheus as the evidence arrives (a window in
    /// the past is judged at once), pushes each judgement to --pushgateway-url, and fails at the first irreversible failure.
    /// </summary>
    async Task EvaluateGatesLiveAsync(GateEvaluationOptions options)
    {
        if (options.PrometheusUrl is not { } url)
        {
            throw new InvalidOperationException("--live needs --prometheus-url (or a dry run's Prometheus); an --evidence directory is judged offline only.");
        }

        var window = GateWindow.Ending(options.WindowEnd ?? TimeProvider.GetUtcNow(), options.WindowLength);
        using var run = new LiveGateRun(new LiveGateRunOptions
        {
            PrometheusUrl = url,
            Window = window,
            PnlSigmaUsd = options.PnlSigmaUsd ?? GateEvaluator.ReadSigma(options.PnlStatsPath),
            Gates = options,
            PushgatewayUrl = HttpUrl(PushgatewayUrl),
        }, TimeProvider, message => Log.Warning(message));
        Log.Information($"Live gates over {window.Start:u} .. {window.End:u} from {url}{(PushgatewayUrl is null ? string.Empty : $", pushed to {PushgatewayUrl}")}");
        var outcome = await run.RunAsync(null, Cancellation);
        if (outcome.Stop is { } stop)
        {
            throw new InvalidOperationException($"Live gates: verdict FAIL, stopped at the first irreversible failure: {stop.Reason}");
        }

        Log.Information($"Live gates: {outcome.Snapshots.Count} judgements, verdict so far {outcome.Verdict}; final evaluation follows.");
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

    GateEvaluationOptions GateOptions()
    {
        if (Evidence is not null)
        {
            return new GateEvaluationOptions
            {
                EvidenceDirectory = Evidence, WindowEnd = WindowEnd, WindowLength = Window ?? Duration, PnlSigmaUsd = PnlSigmaUsd, PnlStatsPath = PnlStats,
                Settings = GateSettings,
            };
        }

        var url = PrometheusUrl;
        DateTimeOffset? windowEnd = WindowEnd;
        var windowLength = Window ?? Duration;
        var state = DryRunDirectory / DryRunEvidencePipeline.StateFileName;
        if (!IsLocalProfile && StagingDryRunState.Load(DryRunDirectory / StagingDryRunState.FileName) is { } staging
            && (url is null || SameUrl(url, staging.Url)))
        {
            // The staging dry run's window (up to its stop, if it stopped early) is what EvaluateGates judges.
            url = staging.Url.AbsoluteUri;
            windowEnd ??= staging.WindowEnd;
            windowLength = Window ?? staging.WindowEnd - staging.WindowStart;
        }
        else if (url is null && EvidencePrometheusState.Load(state) is { } evidence)
        {
            url = evidence.Url.AbsoluteUri;
            windowEnd ??= evidence.WindowEnd;
        }

        if (url is null)
        {
            throw new InvalidOperationException("No evidence: pass --prometheus-url URL or --evidence DIR, or run './build.sh DryRun' first.");
        }

        return new GateEvaluationOptions
        {
            PrometheusUrl = HttpUrl(url),
            WindowEnd = windowEnd,
            WindowLength = windowLength,
            PnlSigmaUsd = PnlSigmaUsd,
            PnlStatsPath = PnlStats,
            PnlSigmaConfig = PnlSigmaConfig.For(PnlSigmaUsd, PnlStats),
            DockerHost = DockerHost is null ? null : new Uri(DockerHost),
            ComposeProject = ComposeProject,
            Source = new PrometheusSourceOptions { Timeout = Timeout },
            // The --gates file for --profile: staging judges real time, so continuity passes only on a window of ≥ 48 h
            // (its staging override), whatever --duration said.
            Settings = GateSettings,
        };
    }

    /// <summary>Runs a cleanup when disposed after the build was interrupted (and only then).</summary>
    sealed class OnInterrupt(Func<Task<bool>> cleanup, CancellationToken interrupted) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (interrupted.IsCancellationRequested)
            {
                await cleanup();
            }
        }
    }

    static bool SameUrl(string url, Uri other) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && string.Equals(parsed.AbsoluteUri.TrimEnd('/'), other.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
