using System.Globalization;
using System.Text;
using EdgeRisk.Evidence.Gates;
using EdgeRisk.Release.Git;

namespace EdgeRisk.Release.Promotion;

/// <summary>summary.md: the one page a release manager reads after Promote.</summary>
public static class PromotionSummary
{
    public static string Render(PromotionOptions options, ReleaseStatus status, TagReleaseResult ga, IReadOnlyList<PromotionStep> steps)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(ga);
        ArgumentNullException.ThrowIfNull(steps);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Release {ga.Tag} — {TagReleaseOptions.GaMessage}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- Profile: {options.Profile}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Release candidate: `{status.CandidateTag}` on `{status.CandidateCommit}`\n");
        text.Append(CultureInfo.InvariantCulture, $"- GA tag: `{ga.Tag}` on `{ga.Commit}`, pushed to `{ga.Remote}`{(ga.MainPushed ? $" with `{options.MainBranch}` (the promotion to main)" : "")}\n");
        text.Append(CultureInfo.InvariantCulture, $"- {status.ImageBuildLine()}\n");
        text.Append(CultureInfo.InvariantCulture, $"- {status.ImagesLine()}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Gates: **{status.Gates.Verdict}**");
        text.Append(status.Gates.Gates is { } gates ? $", window {gates.Window.Start} .. {gates.Window.End}\n" : "\n");
        if (status.Gates.Gates?.GatesFile is { } gatesFile)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Gates file: {gatesFile}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"- Production deploy: {status.Deployment?.Status.ToString().ToLowerInvariant()}: {status.Deployment?.Detail}\n");
        text.Append(CultureInfo.InvariantCulture, $"- GitHub release: {status.ReleaseUrl}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Release PR: {status.PullRequestUrl ?? "not opened"}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Jira: status comment on {options.JiraIssue}\n\n");
        text.Append(status.Gates.TableMarkdown()).Append('\n');
        text.Append("| step | outcome | seconds |\n|---|---|---|\n");
        foreach (var step in steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {step.Name} | {step.Outcome} | {step.Duration.TotalSeconds:0.###} |\n");
        }

        text.Append("\nEvidence beside this file: `gates.json`, `report.md`, the plots, `tags.json`, `timings.json`, `status.txt`, " +
                    "`pull-request.json`, `images.json` (the image digests); raw evidence in `artifacts/gates/evidence/`.\n");
        if (options.RecordedToOutbox)
        {
            text.Append("Local profile: the GitHub, Jira and Grafana calls were recorded to `artifacts/release/outbox/`, not sent.\n");
        }

        return text.ToString();
    }
}
