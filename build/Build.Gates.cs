using EdgeRisk.Evidence;
using EdgeRisk.Evidence.Gates;
using EdgeRisk.Evidence.Gates.Live;
using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Evidence.Reporting;
using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Release.DryRun;
using EdgeRisk.Release.Git;
using Spectre.Console;

namespace EdgeRisk.Build;

// Runbook §5: the gates that judge the dry run's evidence.
partial class Build
{
    AbsolutePath GatesDirectory => Output is null ? ArtifactsDirectory / "gates" : RootDirectory / Output;

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

    [Parameter("Gates file the gates judge by: thresholds, windows, warm-up and statistic per gate, per-profile overrides (schema config/gates.schema.json)")]
    public string Gates { get; set; } = GatesFile.DefaultPath;

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

    /// <summary>The gate options from the parameters above (and the dry run's evidence when no source is named).</summary>
    GateOptionsBuilder GateOptionsBuilder => new()
    {
        DryRunDirectory = DryRunDirectory,
        Settings = GateSettings,
        LocalProfile = IsLocalProfile,
        Evidence = Evidence,
        PrometheusUrl = PrometheusUrl,
        WindowEnd = WindowEnd,
        Window = Window,
        Duration = Duration,
        PnlSigmaUsd = PnlSigmaUsd,
        PnlStatsPath = PnlStats,
        DockerHost = DockerHost,
        ComposeProject = ComposeProject,
        Timeout = Timeout,
    };

    GateEvaluationOptions GateOptions() => GateOptionsBuilder.Build();

    /// <summary>report.md's header: the release, the commit judged (HEAD) and the Grafana link when GRAFANA_URL is known.</summary>
    async Task<GateReportOptions> ReportOptionsAsync() => new()
    {
        Version = GaTag,
        Commit = await Repository.ResolveCommitAsync("HEAD", Cancellation),
        GrafanaUrl = HttpUrl(GrafanaUrl),
    };

    /// <summary>A URL parameter as a Uri; its value was checked by HttpUrlProblem before any target ran.</summary>
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
}
