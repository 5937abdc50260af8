using EdgeRisk.Release.GitHub;

namespace EdgeRisk.Release.Promotion;

/// <summary>Why a release pages: the rc's CI Docker build failed, or a staging step needs Grafana and its auth variables are missing.</summary>
public enum ReleasePingCause
{
    DockerBuildFailed,
    GrafanaAuthMissing,
}

/// <summary>
/// One warning about a release, sent once per release and cause: <see cref="DedupKey"/> is the PagerDuty dedup key and the
/// key under which a sent ping is remembered, so a re-run does not page twice. Holds names, never credential values.
/// </summary>
public sealed record ReleasePing(string Release, ReleasePingCause Cause, string Summary)
{
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    public string CauseName => Cause switch
    {
        ReleasePingCause.DockerBuildFailed => "docker-build-failed",
        _ => "grafana-auth-missing",
    };

    public string DedupKey => $"edgerisk:{Release}:{CauseName}";

    /// <summary>
    /// The image-build ping of a status, or null when there is nothing to page: staging, the rc tag's workflow run
    /// concluded other than success; local profile (no Actions), the rc's images failed the registry check.
    /// </summary>
    public static ReleasePing? ForImageBuild(ReleaseStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.CandidateTag is not { } candidate)
        {
            return null;
        }

        if (status.ImageBuild is { State: WorkflowRunState.Failed } run)
        {
            return new ReleasePing(candidate, ReleasePingCause.DockerBuildFailed,
                $"EdgeRisk {candidate}: CI Docker build ({status.WorkflowFile}) failed (conclusion {run.Conclusion}): {run.Url}")
            {
                Details = new Dictionary<string, string>
                {
                    ["release"] = candidate,
                    ["workflow"] = status.WorkflowFile,
                    ["conclusion"] = run.Conclusion ?? "unknown",
                    ["run_url"] = run.Url ?? "unknown",
                },
            };
        }

        if (status.RecordedToOutbox && status.Images is { Passed: false } images)
        {
            return new ReleasePing(candidate, ReleasePingCause.DockerBuildFailed,
                $"EdgeRisk {candidate}: images of the rc not ready in {images.Registry}: {images.Problem}")
            {
                Details = new Dictionary<string, string>
                {
                    ["release"] = candidate,
                    ["registry"] = images.Registry.ToString(),
                    ["problem"] = images.Problem ?? "not checked",
                },
            };
        }

        return null;
    }

    /// <summary>A staging step that needs Grafana is planned and <paramref name="problem"/> names the missing variables.</summary>
    public static ReleasePing GrafanaAuthMissing(string release, string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(release);
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        return new ReleasePing(release, ReleasePingCause.GrafanaAuthMissing, $"EdgeRisk {release}: staging refused before any target ran: {problem}")
        {
            Details = new Dictionary<string, string> { ["release"] = release, ["problem"] = problem },
        };
    }

    /// <summary>
    /// Staging refuses a plan whose Grafana step lacks its auth variables: pages about it and returns the one-line error,
    /// <paramref name="problem"/> (the variables' names, never values) and whether the warning went out.
    /// </summary>
    public static async Task<string> RefuseMissingGrafanaAsync(string release, string problem, IReleasePinger pinger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pinger);
        var result = await pinger.PingAsync(GrafanaAuthMissing(release, problem), cancellationToken);
        return $"{problem}; {result.Outcome}";
    }
}
