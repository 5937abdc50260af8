using System.Text.Json;
using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Release.DryRun;
using EdgeRisk.Release.Gates;
using EdgeRisk.Release.Gates.Live;
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
    public string? CrashAt { get; set; }

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

    [Parameter("Pushgateway for the live gate series of EvaluateGates --live, e.g. http://127.0.0.1:9091")]
    public string? PushgatewayUrl { get; set; }

    static readonly TimeSpan RecordInterval = TimeSpan.FromSeconds(15);

    Target DryRun => _ => _
        .Description("§3: LiveCrypto + LiveStocks for --duration (local: virtual clock, metrics backfilled into a real Prometheus)")
        .DependsOn(ImportDashboards, Backtest)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            RequireLocalProfile("DryRun");
            var redis = LocalServicesState.Read(ServicesState)?.Services.Single(s => s.Name == "redis")
                ?? throw new InvalidOperationException("Redis is not running: run './build.sh StageDeploy' first.");
            DryRunDirectory.DeleteDirectory();
            DryRunDirectory.CreateDirectory();
            var jobs = new[]
            {
                TradingJob("edgerisk-crypto", "BTC-USD,ETH-USD", redis.Port, CrashAt),
                TradingJob("edgerisk-stocks", "NVDA", redis.Port, null),
            };
            using var supervisor = new TradingProcessSupervisor(
                new TradingProcessSupervisorOptions { LogDirectory = DryRunDirectory, MaxRestarts = 3 }, TimeProvider);
            var live = Live ?? true;
            var recordings = new RecordedLiveEvidence(jobs.Select(j => new RecordedMetricsSource(j.Job, j.RecordedMetricsPath)).ToList(),
                new RecordedLiveEvidenceOptions { ScrapeInterval = RecordInterval, ExpectedDuration = Duration });
            var run = supervisor.RunAsync(jobs);
            var watch = live ? WatchDryRunAsync(recordings, supervisor, run) : Task.FromResult<(LiveGateOutcome, GateWindow)?>(null);
            var outcome = await run;
            recordings.MarkWritersExited();
            var watched = await watch;
            foreach (var job in outcome.Jobs)
            {
                Log.Information($"{job.Job}: exit codes [{string.Join(", ", job.ExitCodes)}], restarts {job.Restarts}, virtual {job.FirstSampleTime:u} .. {job.LastSampleTime:u}");
            }

            var pipeline = new DryRunEvidencePipeline(TimeProvider);
            var evidence = await pipeline.RunAsync(
                DryRunEvidenceOptions.FromOutcome(RootDirectory, outcome, RecordInterval, Duration));
            Log.Information($"Dry-run evidence in Prometheus {evidence.Url} (pid {evidence.Pid}), window {evidence.Window.Start:u} .. {evidence.Window.End:u}");
            if (watched is not var (liveOutcome, liveWindow))
            {
                return;
            }

            // The last judgement is made on the backfilled evidence, ALERTS included: the same evaluation as EvaluateGates.
            var finalEnd = liveOutcome.Stop?.Time ?? liveWindow.End;
            var final = await new GateEvaluator(TimeProvider).EvaluateAsync(
                GateOptions() with { PrometheusUrl = evidence.Url, EvidenceDirectory = null, WindowEnd = finalEnd, WindowLength = finalEnd - liveWindow.Start },
                null, CancellationToken.None);
            var series = liveOutcome.Snapshots.Where(s => s.Time < finalEnd).Append(LiveGateSnapshot.From(final, liveWindow)).ToList();
            var gatesFile = DryRunDirectory / "gates.om";
            gatesFile.WriteAllText(GateMetricsExporter.ToOpenMetrics(series, RecordInterval));
            evidence = await pipeline.AddOpenMetricsAsync(evidence, gatesFile, RecordInterval);
            Log.Information($"Live gates: {series.Count} judgements of {liveWindow.Start:u} .. {finalEnd:u} as edgerisk_gate_* in Prometheus {evidence.Url}");
            if (liveOutcome.Stop is { } stop)
            {
                await GateReportWriter.WriteAsync(final, GatesDirectory);
                GateTableRenderer.Render(AnsiConsole.Console, final);
                throw new InvalidOperationException(
                    $"Dry run stopped early, verdict FAIL: {stop.Reason}. Evidence so far in Prometheus {evidence.Url}; report {GatesDirectory / "report.md"}.");
            }

            Log.Information($"Live gates ran to the end of the window; final judgement {final.Verdict} (EvaluateGates decides).");
        });

    /// <summary>Judges the gates on the growing recordings and stops the supervised run at the first irreversible failure.</summary>
    async Task<(LiveGateOutcome, GateWindow)?> WatchDryRunAsync(RecordedLiveEvidence recordings, TradingProcessSupervisor supervisor, Task<DryRunOutcome> run)
    {
        while (recordings.FirstSnapshot is null)
        {
            var exited = run.IsCompleted;
            await recordings.RefreshAsync(CancellationToken.None);
            if (recordings.FirstSnapshot is not null)
            {
                break;
            }

            if (exited)
            {
                Log.Warning("Live gates: the trading processes recorded nothing; nothing to judge live.");
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider);
        }

        // The window EvaluateGates judges after a full run: the processes record from their first snapshot to --duration after it.
        var window = GateWindow.Ending(recordings.FirstSnapshot.Value + Duration, Window ?? Duration);
        var monitor = new LiveGateMonitor(new LiveGateOptions
        {
            Window = window,
            PnlSigmaUsd = PnlSigmaUsd ?? GateEvaluator.ReadSigma(PnlStats),
        }, recordings, TimeProvider);
        var wall = TimeProvider.GetTimestamp();
        var outcome = await monitor.RunAsync(stop =>
        {
            Log.Warning($"Live gates: stopping the dry run after {TimeProvider.GetElapsedTime(wall).TotalSeconds:0.0} s wall: {stop.Reason}");
            supervisor.Stop(stop.Reason);
        }, null, CancellationToken.None);
        Log.Information($"Live gates: {outcome.Snapshots.Count} judgements, live verdict so far {outcome.Verdict}");
        return (outcome, window);
    }

    Target EvaluateGates => _ => _
        .Description("§5: the five GA exit criteria from Prometheus (and Docker) evidence; fails unless all PASS")
        .After(DryRun)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            var options = GateOptions();
            if (Live == true)
            {
                await EvaluateGatesLiveAsync(options);
            }

            var evaluator = new GateEvaluator(TimeProvider);
            var report = await GateConsoleProgress.RunAsync(AnsiConsole.Console, progress => evaluator.EvaluateAsync(options, progress, CancellationToken.None));
            await GateReportWriter.WriteAsync(report, GatesDirectory);
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
        var evidence = new PrometheusLiveEvidence(url, options.Source, null, TimeProvider, TimeSpan.FromSeconds(30));
        var monitor = new LiveGateMonitor(new LiveGateOptions
        {
            Window = window,
            PnlSigmaUsd = options.PnlSigmaUsd ?? GateEvaluator.ReadSigma(options.PnlStatsPath),
            Gates = options,
            PollInterval = TimeSpan.FromSeconds(15),
        }, evidence, TimeProvider);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var pushgateway = PushgatewayUrl is null ? null : new Uri(PushgatewayUrl.TrimEnd('/') + "/");
        Log.Information($"Live gates over {window.Start:u} .. {window.End:u} from {url}{(pushgateway is null ? string.Empty : $", pushed to {pushgateway}")}");
        var outcome = await monitor.RunAsync(null, async (snapshots, ct) =>
        {
            if (pushgateway is not null)
            {
                await GateMetricsExporter.PushAsync(http, pushgateway, snapshots[^1], ct);
            }
        }, CancellationToken.None);
        if (outcome.Stop is { } stop)
        {
            throw new InvalidOperationException($"Live gates: verdict FAIL, stopped at the first irreversible failure: {stop.Reason}");
        }

        Log.Information($"Live gates: {outcome.Snapshots.Count} judgements, verdict so far {outcome.Verdict}; final evaluation follows.");
    }

    DryRunJob TradingJob(string job, string symbols, int redisPort, string? crashAt)
    {
        var recorded = DryRunDirectory / $"{job}.metrics";
        var arguments = new List<string>
        {
            TradingHost, "live", "--profile", "local", "--symbols", symbols, "--speed", Speed,
            "--duration", $"{(int)Duration.TotalHours}h", "--metrics-port", FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--redis", $"127.0.0.1:{redisPort}",
            "--record-metrics", recorded, "--record-interval", $"{(int)RecordInterval.TotalSeconds}s", "--job", job,
        };
        // A restart resumes the books from the journal; the first start of a dry run begins flat.
        var restart = arguments.ToList();
        arguments.AddRange(["--journal", "fresh"]);
        if (crashAt is not null)
        {
            arguments.AddRange(["--crash-at", crashAt]);
        }

        return new DryRunJob(job, "dotnet", arguments, recorded)
        {
            RestartArguments = restart,
            WorkingDirectory = RootDirectory,
            Environment = DryRunJob.TradingProcessRuntime,
        };
    }

    static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    GateEvaluationOptions GateOptions()
    {
        if (Evidence is not null)
        {
            return new GateEvaluationOptions { EvidenceDirectory = Evidence, WindowEnd = WindowEnd, WindowLength = Window ?? Duration, PnlSigmaUsd = PnlSigmaUsd, PnlStatsPath = PnlStats };
        }

        var url = PrometheusUrl;
        DateTimeOffset? windowEnd = WindowEnd;
        var state = DryRunDirectory / DryRunEvidencePipeline.StateFileName;
        if (url is null && state.FileExists())
        {
            using var json = JsonDocument.Parse(state.ReadAllText());
            url = json.RootElement.GetProperty("url").GetString();
            windowEnd ??= DateTimeOffset.Parse(json.RootElement.GetProperty("window").GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (url is null)
        {
            throw new InvalidOperationException("No evidence: pass --prometheus-url URL or --evidence DIR, or run './build.sh DryRun' first.");
        }

        return new GateEvaluationOptions
        {
            PrometheusUrl = new Uri(url),
            WindowEnd = windowEnd,
            WindowLength = Window ?? Duration,
            PnlSigmaUsd = PnlSigmaUsd,
            PnlStatsPath = PnlStats,
            DockerHost = DockerHost is null ? null : new Uri(DockerHost),
            ComposeProject = ComposeProject,
        };
    }
}
