using System.Text;
using EdgeRisk.Release.Git;

namespace EdgeRisk.Release.GitHub;

/// <summary>Markdown release notes: commits since the previous GA tag, then the release-gate table.</summary>
public static class ReleaseNotes
{
    public static string Build(string tag, string? previousGaTag, IReadOnlyList<GitCommit> commits, string gateTableMarkdown)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var text = new StringBuilder();
        text.Append("## ").Append(tag).Append('\n').Append('\n');
        text.Append("### Changes since ").Append(previousGaTag ?? "the first commit").Append('\n').Append('\n');
        if (commits.Count == 0)
        {
            text.Append("No commits.\n");
        }

        foreach (var commit in commits)
        {
            text.Append("- ").Append(commit.Subject).Append(" (").Append(commit.ShortSha).Append(")\n");
        }

        text.Append('\n').Append("### Release gates").Append('\n').Append('\n');
        text.Append(string.IsNullOrWhiteSpace(gateTableMarkdown) ? "Gate results missing: not evaluated.\n" : gateTableMarkdown.TrimEnd() + "\n");
        return text.ToString();
    }
}
