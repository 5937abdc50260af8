using System.Text;
using EdgeRisk.Release.Git;
using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Images;

namespace EdgeRisk.Release.Promotion;

/// <summary>
/// Where a release stands: the rc tag and its image build, the gates, the GA tag, the deploy, the GitHub release and the
/// promotion PR. <see cref="Render"/> is the status text of the Jira comment and of ReportStatus; it holds no clock
/// times, so posting it twice for the same state changes nothing.
/// </summary>
public sealed record ReleaseStatus
{
    public required ReleaseVersion Version { get; init; }

    public required string Profile { get; init; }

    public bool RecordedToOutbox { get; init; }

    public string? CandidateTag { get; init; }

    public string? CandidateCommit { get; init; }

    public WorkflowRunCheck? ImageBuild { get; init; }

    public string WorkflowFile { get; init; } = PromotionOptions.DefaultWorkflowFile;

    /// <summary>The rc's images in the registry, by digest (null without a release candidate).</summary>
    public ReleaseImagesCheck? Images { get; init; }

    public required GateVerdict Gates { get; init; }

    public string GaTag => Version.GaTag;

    public string? GaCommit { get; init; }

    public DeploymentResult? Deployment { get; init; }

    public string? ReleaseUrl { get; init; }

    public string? PullRequestUrl { get; init; }

    public bool Promoted { get; init; }

    /// <summary>What became of the pings about this release (<see cref="ReleasePingResult.Line"/>), in the order sent.</summary>
    public IReadOnlyList<string> PingLines { get; init; } = [];

    /// <summary>The image-build line: success, FAILED, running, MISSING, or (local profile) no Actions: the registry is checked instead.</summary>
    public string ImageBuildLine()
    {
        if (CandidateTag is null)
        {
            return "Docker build: no release candidate tag yet (run ./build.sh Tag)";
        }

        var prefix = $"Docker build ({WorkflowFile}) for {CandidateTag}";
        return ImageBuild?.State switch
        {
            WorkflowRunState.Success => $"{prefix}: success ({ImageBuild.Url})",
            WorkflowRunState.Failed => $"{prefix}: FAILED (conclusion {ImageBuild.Conclusion}, {ImageBuild.Url})",
            WorkflowRunState.InProgress => $"{prefix}: still running ({ImageBuild.Url})",
            WorkflowRunState.Missing when RecordedToOutbox =>
                $"{prefix}: no GitHub Actions in the local profile (the runs query was answered from the outbox, not sent); the images are checked in the registry instead",
            WorkflowRunState.Missing => $"{prefix}: MISSING (no run for the tag push)",
            _ => $"{prefix}: not checked",
        };
    }

    /// <summary>The images line: every image's digest when the rc's images are all in the registry, what is wrong otherwise.</summary>
    public string ImagesLine() =>
        CandidateTag is null ? "Images: no release candidate tag yet"
        : Images is null ? "Images: not checked"
        : Images.Line();

    public string Render()
    {
        var text = new StringBuilder();
        text.Append($"EdgeRisk {GaTag} release status (profile {Profile})").Append('\n');
        text.Append(Promoted ? $"Promoted: {GaTag} is GA." : $"Not promoted yet: {GaTag} is not GA.").Append('\n');
        text.Append("Release candidate: ").Append(CandidateTag is null ? "none on develop head" : $"{CandidateTag} on {Short(CandidateCommit)}").Append('\n');
        text.Append(ImageBuildLine()).Append('\n');
        text.Append(ImagesLine()).Append('\n');
        if (PingLines.Count > 0)
        {
            foreach (var line in PingLines)
            {
                text.Append("Ping: ").Append(line).Append('\n');
            }
        }
        else if (ReleasePing.ForImageBuild(this) is { } due)
        {
            text.Append("Ping: PagerDuty warning not sent yet (Promote or ReportStatus --post sends it): ").Append(due.Summary).Append('\n');
        }
        text.Append("Gates: ").Append(Gates.Verdict);
        if (Gates.Gates is { } gates)
        {
            text.Append($" (window {gates.Window.Start} .. {gates.Window.End})");
        }

        if (Gates.Problem is { } problem)
        {
            text.Append(" (").Append(problem).Append(')');
        }

        text.Append('\n');
        foreach (var line in Gates.GateLines())
        {
            text.Append(line).Append('\n');
        }

        text.Append("GA tag: ").Append(GaCommit is null ? "not created" : $"{GaTag} on {Short(GaCommit)}").Append('\n');
        text.Append("Production deploy: ").Append(Deployment is null ? "not done" : $"{Deployment.Status.ToString().ToLowerInvariant()}: {Deployment.Detail}").Append('\n');
        text.Append("GitHub release: ").Append(ReleaseUrl ?? "not created").Append('\n');
        text.Append("Release PR: ").Append(PullRequestUrl ?? "not opened (run ./build.sh ReleasePr)").Append('\n');
        if (RecordedToOutbox)
        {
            text.Append("Local profile: GitHub, Jira and PagerDuty calls are recorded to artifacts/release/outbox/, not sent.\n");
        }

        return text.ToString();
    }

    private static string Short(string? sha) => sha is null ? "?" : sha[..Math.Min(12, sha.Length)];
}
