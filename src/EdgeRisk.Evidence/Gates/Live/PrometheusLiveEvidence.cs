using EdgeRisk.Evidence.Docker;
using EdgeRisk.Evidence.Prometheus;

namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// Live evidence from a Prometheus that scrapes in real time (staging, or a test on a virtual clock): the frontier is
/// the clock's now minus <paramref name="ingestionDelay"/> (a scrape and a rule evaluation must have landed). Each
/// evaluation reads through a fresh <see cref="PrometheusEvidenceSource"/>, so replies of earlier minutes are not kept.
/// </summary>
public sealed class PrometheusLiveEvidence(Uri prometheusUrl, PrometheusSourceOptions options, DockerContainerInspector? docker,
    TimeProvider timeProvider, TimeSpan ingestionDelay) : ILiveEvidence
{
    private PrometheusEvidenceSource _current = new(prometheusUrl, options, docker, timeProvider);

    public EvidenceRecording Recording => _current.Recording;

    public Task<LiveEvidenceFrontier> RefreshAsync(CancellationToken cancellationToken)
    {
        _current = new PrometheusEvidenceSource(prometheusUrl, options, docker, timeProvider);
        return Task.FromResult(new LiveEvidenceFrontier(timeProvider.GetUtcNow() - ingestionDelay, false));
    }

    public Task<IReadOnlyList<TimeSeries>> GetSeriesAsync(string selector, GateWindow window, CancellationToken cancellationToken) =>
        _current.GetSeriesAsync(selector, window, cancellationToken);

    public Task<RulesEvidence?> GetAlertRulesAsync(CancellationToken cancellationToken) => _current.GetAlertRulesAsync(cancellationToken);

    public Task<IReadOnlyList<ContainerFacts>?> GetContainersAsync(CancellationToken cancellationToken) => _current.GetContainersAsync(cancellationToken);
}
