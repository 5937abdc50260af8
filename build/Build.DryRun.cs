using System.Text.Json;
using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Release.DryRun;
using EdgeRisk.Release.Gates;
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
            var outcome = await supervisor.RunAsync(jobs);
            foreach (var job in outcome.Jobs)
            {
                Log.Information($"{job.Job}: exit codes [{string.Join(", ", job.ExitCodes)}], restarts {job.Restarts}, virtual {job.FirstSampleTime:u} .. {job.LastSampleTime:u}");
            }

            var evidence = await new DryRunEvidencePipeline(TimeProvider).RunAsync(
                DryRunEvidenceOptions.FromOutcome(RootDirectory, outcome, TimeSpan.FromSeconds(15), Duration));
            Log.Information($"Dry-run evidence in Prometheus {evidence.Url} (pid {evidence.Pid}), window {evidence.Window.Start:u} .. {evidence.Window.End:u}");
        });

    Target EvaluateGates => _ => _
        .Description("§5: the five GA exit criteria from Prometheus (and Docker) evidence; fails unless all PASS")
        .After(DryRun)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            var options = GateOptions();
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

    DryRunJob TradingJob(string job, string symbols, int redisPort, string? crashAt)
    {
        var recorded = DryRunDirectory / $"{job}.metrics";
        var arguments = new List<string>
        {
            TradingHost, "live", "--profile", "local", "--symbols", symbols, "--speed", Speed,
            "--duration", $"{(int)Duration.TotalHours}h", "--metrics-port", FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--redis", $"127.0.0.1:{redisPort}",
            "--record-metrics", recorded, "--record-interval", "15s", "--job", job,
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
