using System.Text.Json.Nodes;
using EdgeRisk.Evidence.Reporting;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// The deploy annotation on the Edge-Risk dashboard (<see cref="DashboardUid"/>, the uid of grafana/edge_risk.json):
/// tags <c>deploy, edgerisk, {tag}</c>, text <c>Promoted {tag} (rc commit {commit})</c>, at the promotion time. Idempotent
/// against Grafana itself: an annotation already carrying the release's tags on the dashboard is reused, not posted again
/// (a promotion re-run from another machine, without this one's promotion.json, adds nothing).
/// </summary>
public sealed class DeployAnnotator(IGrafanaApi grafana, string dashboardUid = GateReportOptions.EdgeRiskDashboardUid)
{
    public string DashboardUid => dashboardUid;

    /// <summary>The release's tags on its annotation.</summary>
    public static IReadOnlyList<string> Tags(string tag) => ["deploy", "edgerisk", tag];

    /// <summary>Reuses the release's annotation when Grafana has it, else posts it; returns Grafana's id for it.</summary>
    /// <exception cref="GrafanaApiException">Grafana refused or did not answer (one line).</exception>
    public async Task<DeployAnnotation> AnnotateAsync(string tag, string rcCommit, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        ArgumentException.ThrowIfNullOrWhiteSpace(rcCommit);
        var tags = Tags(tag);
        if (await FindAsync(tags, cancellationToken) is { } existing)
        {
            return new DeployAnnotation(existing, Reused: true);
        }

        var request = new JsonObject
        {
            ["dashboardUID"] = dashboardUid,
            ["time"] = at.ToUnixTimeMilliseconds(),
            ["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]),
            ["text"] = $"Promoted {tag} (rc commit {rcCommit[..Math.Min(12, rcCommit.Length)]})",
        };
        var answer = GrafanaResponses.Content(await grafana.CreateAnnotationAsync(request, cancellationToken), "deploy annotation");
        return answer["id"] is JsonValue id && id.TryGetValue<long>(out var value)
            ? new DeployAnnotation(value, Reused: false)
            : throw new GrafanaApiException("Grafana deploy annotation failed: the answer has no annotation id", System.Net.HttpStatusCode.BadGateway, null);
    }

    /// <summary>The oldest annotation on the dashboard carrying all of <paramref name="tags"/>, or null.</summary>
    private async Task<long?> FindAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var found = GrafanaResponses.Content(
            await grafana.FindAnnotationsAsync(tags, "annotation", dashboardUid, 100, cancellationToken), "deploy annotation lookup");
        // Filtered here too: an answer that ignored a parameter must not make another annotation count as this release's.
        return found.OfType<JsonObject>()
            .Where(a => a["dashboardUID"] is not JsonValue uid || uid.GetValueKind() != System.Text.Json.JsonValueKind.String || uid.GetValue<string>() == dashboardUid)
            .Where(a => a["tags"] is JsonArray t && tags.All(wanted => t.Any(n => n is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.GetValue<string>() == wanted)))
            .Select(a => a["id"] is JsonValue id && id.TryGetValue<long>(out var value) ? value : (long?)null)
            .Where(id => id is not null)
            .Min();
    }
}

/// <summary>Grafana's id of the release's deploy annotation; <see cref="Reused"/> when it was already there.</summary>
public sealed record DeployAnnotation(long Id, bool Reused);
