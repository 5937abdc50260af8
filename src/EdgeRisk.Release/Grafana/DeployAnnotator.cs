using System.Text.Json.Nodes;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// The deploy annotation on the Edge-Risk dashboard (<see cref="DashboardUid"/>, the uid of grafana/edge_risk.json):
/// tags <c>deploy, edgerisk, {tag}</c>, text <c>Promoted {tag} (rc commit {commit})</c>, at the promotion time.
/// </summary>
public sealed class DeployAnnotator(IGrafanaApi grafana, string dashboardUid = DeployAnnotator.EdgeRiskDashboardUid)
{
    /// <summary>The uid of grafana/edge_risk.json.</summary>
    public const string EdgeRiskDashboardUid = "edgerisk-edge-risk";

    public string DashboardUid => dashboardUid;

    /// <summary>Posts the annotation; returns Grafana's id for it.</summary>
    /// <exception cref="GrafanaApiException">Grafana refused or did not answer (one line).</exception>
    public async Task<long> AnnotateAsync(string tag, string rcCommit, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        ArgumentException.ThrowIfNullOrWhiteSpace(rcCommit);
        var request = new JsonObject
        {
            ["dashboardUID"] = dashboardUid,
            ["time"] = at.ToUnixTimeMilliseconds(),
            ["tags"] = new JsonArray("deploy", "edgerisk", tag),
            ["text"] = $"Promoted {tag} (rc commit {rcCommit[..Math.Min(12, rcCommit.Length)]})",
        };
        var answer = GrafanaResponses.Content(await grafana.CreateAnnotationAsync(request, cancellationToken), "deploy annotation");
        return answer["id"] is JsonValue id && id.TryGetValue<long>(out var value)
            ? value
            : throw new GrafanaApiException("Grafana deploy annotation failed: the answer has no annotation id", System.Net.HttpStatusCode.BadGateway, null);
    }
}
