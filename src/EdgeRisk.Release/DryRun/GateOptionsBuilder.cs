using EdgeRisk.Evidence.Gates;
using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Release.DryRun.Evidence;

namespace EdgeRisk.Release.DryRun;

/// <summary>
/// The gate evaluation options from the build's parameters: the evidence (--evidence, --prometheus-url, or the window a
/// dry run left in its directory), the σ of sim PnL, the Docker check and the --gates file's settings.
/// </summary>
public sealed record GateOptionsBuilder
{
    /// <summary>The dry run's directory (<c>artifacts/dry-run</c>), where its Prometheus and staging window are named.</summary>
    public required string DryRunDirectory { get; init; }

    /// <summary>The --gates file's settings for the profile.</summary>
    public required GateSettings Settings { get; init; }

    public bool LocalProfile { get; init; } = true;

    public string? Evidence { get; init; }

    public string? PrometheusUrl { get; init; }

    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>Gate window length; null: <see cref="Duration"/> (or the staging dry run's window).</summary>
    public TimeSpan? Window { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(48);

    public decimal? PnlSigmaUsd { get; init; }

    public string PnlStatsPath { get; init; } = "artifacts/sim/pnl_stats.json";

    public string? DockerHost { get; init; }

    public string ComposeProject { get; init; } = "edgerisk";

    public TimeSpan Timeout { get; init; } = PrometheusSourceOptions.DefaultTimeout;

    /// <summary>--pnl-sigma-usd, else the σ in the sim's pnl_stats.json (null when neither: pnl_drift is INCONCLUSIVE).</summary>
    public decimal? ResolvedPnlSigmaUsd => PnlSigmaUsd ?? GateEvaluator.ReadSigma(PnlStatsPath);

    /// <summary>The live gates of the local dry run: judged on the recordings, so without a source or Docker check.</summary>
    public GateEvaluationOptions Live() => new() { PnlSigmaConfig = PnlSigmaConfig.For(PnlSigmaUsd, PnlStatsPath), Settings = Settings };

    /// <summary>The staging dry run's gates; the run sets the source and window itself.</summary>
    public GateEvaluationOptions Staging() => new()
    {
        PnlSigmaConfig = PnlSigmaConfig.For(PnlSigmaUsd, PnlStatsPath),
        DockerHost = DockerHost is null ? null : new Uri(DockerHost), ComposeProject = ComposeProject,
        Source = new PrometheusSourceOptions { Timeout = Timeout }, Settings = Settings,
    };

    /// <summary>
    /// What EvaluateGates judges: the --evidence directory offline, else --prometheus-url, else the staging dry run's
    /// window or the local dry run's Prometheus; none of them is an error naming the fix.
    /// </summary>
    public GateEvaluationOptions Build()
    {
        if (Evidence is not null)
        {
            return new GateEvaluationOptions
            {
                EvidenceDirectory = Evidence, WindowEnd = WindowEnd, WindowLength = Window ?? Duration, PnlSigmaUsd = PnlSigmaUsd, PnlStatsPath = PnlStatsPath,
                Settings = Settings,
            };
        }

        var url = PrometheusUrl;
        DateTimeOffset? windowEnd = WindowEnd;
        var windowLength = Window ?? Duration;
        var state = Path.Combine(DryRunDirectory, DryRunEvidencePipeline.StateFileName);
        if (!LocalProfile && StagingDryRunState.Load(Path.Combine(DryRunDirectory, StagingDryRunState.FileName)) is { } staging
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
            PrometheusUrl = new Uri(url, UriKind.Absolute),
            WindowEnd = windowEnd,
            WindowLength = windowLength,
            PnlSigmaUsd = PnlSigmaUsd,
            PnlStatsPath = PnlStatsPath,
            PnlSigmaConfig = PnlSigmaConfig.For(PnlSigmaUsd, PnlStatsPath),
            DockerHost = DockerHost is null ? null : new Uri(DockerHost),
            ComposeProject = ComposeProject,
            Source = new PrometheusSourceOptions { Timeout = Timeout },
            // The --gates file for the profile: staging judges real time, so continuity passes only on a window of ≥ 48 h
            // (its staging override), whatever --duration said.
            Settings = Settings,
        };
    }

    private static bool SameUrl(string url, Uri other) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && string.Equals(parsed.AbsoluteUri.TrimEnd('/'), other.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
