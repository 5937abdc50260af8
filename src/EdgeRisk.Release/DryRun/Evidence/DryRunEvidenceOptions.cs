using EdgeRisk.Evidence.Recordings;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun.Evidence;

/// <summary>Inputs of <see cref="DryRunEvidencePipeline"/>; paths default to the repository layout.</summary>
public sealed record DryRunEvidenceOptions
{
    public required string RepositoryRoot { get; init; }

    public required IReadOnlyList<RecordedMetricsSource> Sources { get; init; }

    /// <summary>The processes' <c>--record-interval</c>: scrape grid of <c>up</c> and evaluation step of the alert rules.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The processes' <c>--duration</c> (virtual); see <see cref="RecordedMetricsConversionOptions.ExpectedDuration"/>.</summary>
    public TimeSpan? ExpectedDuration { get; init; }

    /// <summary>Alert rule files; default: <c>prometheus/rules/*.yml</c> under <see cref="RepositoryRoot"/>.</summary>
    public IReadOnlyList<string>? RuleFiles { get; init; }

    /// <summary>Default: <c>artifacts/dry-run</c> under <see cref="RepositoryRoot"/>.</summary>
    public string? OutputDirectory { get; init; }

    public string ResolvedOutputDirectory => Path.GetFullPath(OutputDirectory ?? Path.Combine(RepositoryRoot, "artifacts", "dry-run"));

    public IReadOnlyList<string> ResolvedRuleFiles => RuleFiles?.Select(Path.GetFullPath).ToList() ?? ProjectRuleFiles(RepositoryRoot);

    /// <summary>The project's rule files, <c>prometheus/rules/*.yml</c> under <paramref name="repositoryRoot"/> (absolute, ordered).</summary>
    public static IReadOnlyList<string> ProjectRuleFiles(string repositoryRoot)
    {
        var rules = Path.Combine(repositoryRoot, "prometheus", "rules");
        return Directory.Exists(rules)
            ? Directory.GetFiles(rules, "*.yml").Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The evidence of a supervised run: every job's recorded file.</summary>
    public static DryRunEvidenceOptions FromOutcome(string repositoryRoot, DryRunOutcome outcome, TimeSpan scrapeInterval, TimeSpan? expectedDuration)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new DryRunEvidenceOptions
        {
            RepositoryRoot = repositoryRoot,
            Sources = outcome.Jobs.Select(j => new RecordedMetricsSource(j.Job, j.RecordedMetricsPath)).ToList(),
            ScrapeInterval = scrapeInterval,
            ExpectedDuration = expectedDuration,
        };
    }
}
