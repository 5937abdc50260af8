
namespace EdgeRisk.Evidence;

/// <summary>Where the gates' evidence comes from: a live Prometheus (recorded) or an evidence/ directory (replayed).</summary>
public interface IEvidenceSource
{
    /// <summary>Every raw sample of the series matching <paramref name="selector"/> inside the window.</summary>
    Task<IReadOnlyList<TimeSeries>> GetSeriesAsync(string selector, GateWindow window, CancellationToken cancellationToken);

    /// <summary>The alerting rules Prometheus has loaded; null when unknown.</summary>
    Task<RulesEvidence?> GetAlertRulesAsync(CancellationToken cancellationToken);

    /// <summary>The compose project's containers; null when no Docker host is configured.</summary>
    Task<IReadOnlyList<ContainerFacts>?> GetContainersAsync(CancellationToken cancellationToken);

    /// <summary>The replies read so far, for evidence/.</summary>
    EvidenceRecording Recording { get; }
}
