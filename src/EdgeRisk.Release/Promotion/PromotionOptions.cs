using System.Text.RegularExpressions;
using EdgeRisk.Release.Git;

namespace EdgeRisk.Release.Promotion;

/// <summary>
/// What <see cref="PromotionService"/> promotes and where its evidence goes. <see cref="RecordedToOutbox"/> (local
/// profile): GitHub and Jira calls are recorded to the outbox and answered from it, nothing is sent.
/// </summary>
public sealed partial record PromotionOptions
{
    /// <summary>The release-v0.4.0 ticket the status comment goes to unless <c>--jira-issue</c> names another.</summary>
    public const string DefaultJiraIssue = "RELEASE-40";

    public const string DefaultWorkflowFile = "docker.yml";

    /// <summary>The release: with <c>-rcN</c> that rc is the candidate promoted, without it the highest rc on develop's head.</summary>
    public required ReleaseVersion Version { get; init; }

    /// <summary>artifacts/release/v&lt;version&gt;/ (<see cref="ReleaseDirectoryOf"/>): summary.md, gates, tags, timings, promotion.json.</summary>
    public required string ReleaseDirectory { get; init; }

    /// <summary>Where EvaluateGates wrote gates.json, report.md and the plots.</summary>
    public required string GatesDirectory { get; init; }

    public string Profile { get; init; } = "local";

    /// <summary>sha256 of the gates file (<c>--gates</c>) the PASS must have been judged by; null: not checked.</summary>
    public string? GatesFileSha256 { get; init; }

    public bool RecordedToOutbox { get; init; }

    public string Remote { get; init; } = "origin";

    /// <summary>Local profile: the bare repository used as the remote when none is configured.</summary>
    public string? LocalRemoteDirectory { get; init; }

    public string MainBranch { get; init; } = "main";

    public string DevelopBranch { get; init; } = "develop";

    public string JiraIssue { get; init; } = DefaultJiraIssue;

    public string WorkflowFile { get; init; } = DefaultWorkflowFile;

    public string GaTag => Version.GaTag;

    /// <summary>The release candidate tag looked for: the rc <see cref="Version"/> names, else <c>v&lt;version&gt;-rcN</c>.</summary>
    public string CandidateTagText => Version.IsGa ? GaTag + "-rcN" : Version.Tag;

    /// <summary>The evidence directory of a release: <c>&lt;artifacts&gt;/release/v&lt;major.minor.patch&gt;</c>, the same for its every rc.</summary>
    public static string ReleaseDirectoryOf(string artifactsDirectory, ReleaseVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Path.Combine(artifactsDirectory, "release", version.GaTag);
    }

    /// <summary>The tag of the release's images in the registry (EDGERISK_VERSION): the version without the v.</summary>
    public string ImageTag => Version.Core;

    /// <summary>Throws a one-line <see cref="ArgumentException"/> naming the bad value and the fix.</summary>
    public void Validate()
    {
        if (!JiraIssueKey().IsMatch(JiraIssue))
        {
            throw new ArgumentException($"Jira issue '{JiraIssue}' is not an issue key: pass --jira-issue like {DefaultJiraIssue}", nameof(JiraIssue));
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]+-[1-9][0-9]*$")]
    private static partial Regex JiraIssueKey();
}
