using System.Text.RegularExpressions;
using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Release.DryRun;

namespace EdgeRisk.Staging.Tests.Alerting;

/// <summary>
/// Every alert rule (prometheus/rules/*.yml and the Grafana alert rule groups in grafana/) has a description and an absolute
/// runbook_url into docs/runbook.md on GitHub whose anchor is a heading of that document, slugged as GitHub does.
/// </summary>
public sealed partial class RunbookLinksTests
{
    /// <summary>The repository the links point into (docs/alerting.md, "Runbook links").</summary>
    private const string RunbookUrl = "https://github.com/edgerisk/edgerisk/blob/main/docs/runbook.md";

    [Fact]
    public void AlertRules_Every_HaveDescriptionAndRunbookUrlWhoseAnchorIsARunbookHeading()
    {
        var anchors = GitHubAnchors(File.ReadAllLines(RepositoryRoot.Combine("docs", "runbook.md")));
        var rules = PrometheusAlerts().Concat(GrafanaAlerts()).ToList();

        Assert.Equal(9, rules.Count);
        var problems = new List<string>();
        foreach (var (source, alert, annotations) in rules)
        {
            if (string.IsNullOrWhiteSpace(annotations.GetValueOrDefault("description")))
            {
                problems.Add($"{source} {alert}: no description annotation");
            }

            var url = annotations.GetValueOrDefault("runbook_url");
            if (url is null || !url.StartsWith(RunbookUrl + "#", StringComparison.Ordinal))
            {
                problems.Add($"{source} {alert}: runbook_url '{url}' is not {RunbookUrl}#<anchor>");
            }
            else if (!anchors.Contains(url[(RunbookUrl.Length + 1)..]))
            {
                problems.Add($"{source} {alert}: anchor '{url[(RunbookUrl.Length + 1)..]}' is not a heading of docs/runbook.md");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void GitHubAnchors_Headings_SlugLikeGitHub()
    {
        var anchors = GitHubAnchors(
        [
            "# Release runbook: v0.4.0-rc3 → v0.4.0 GA",
            "## §1 Tag the release candidate",
            "```",
            "# not a heading",
            "```",
            "### VarHigh",
            "### VarHigh",
            "## When a `step` fails",
        ]);

        Assert.Equal(
            ["release-runbook-v040-rc3--v040-ga", "1-tag-the-release-candidate", "varhigh", "varhigh-1", "when-a-step-fails"],
            anchors);
    }

    private static IEnumerable<(string Source, string Alert, Dictionary<string, string> Annotations)> PrometheusAlerts() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("prometheus", "rules"), "*.yml")
            .SelectMany(path => PrometheusRuleFile.Load(path).Groups
                .SelectMany(g => g.Rules)
                .Where(r => r.Alert is not null)
                .Select(r => ($"prometheus/rules/{Path.GetFileName(path)}", r.Alert!, r.Annotations ?? [])));

    /// <summary>Grafana-managed alert rule groups: the JSON files under grafana/ with a <c>rules</c> array.</summary>
    private static IEnumerable<(string Source, string Alert, Dictionary<string, string> Annotations)> GrafanaAlerts() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("grafana"), "*.json")
            .Select(path => (Path: path, Json: JsonNode.Parse(File.ReadAllText(path))))
            .Where(file => file.Json?["rules"] is JsonArray)
            .SelectMany(file => file.Json!["rules"]!.AsArray().OfType<JsonObject>().Select(rule => (
                $"grafana/{Path.GetFileName(file.Path)}",
                rule["title"]?.GetValue<string>() ?? "?",
                (rule["annotations"] as JsonObject ?? []).ToDictionary(a => a.Key, a => a.Value?.GetValue<string>() ?? ""))));

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats suffixed -1, -2, ...</summary>
    private static List<string> GitHubAnchors(IEnumerable<string> markdown)
    {
        var anchors = new List<string>();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in markdown)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            var heading = Heading().Match(line);
            if (fenced || !heading.Success)
            {
                continue;
            }

            var text = MarkdownLink().Replace(heading.Groups["text"].Value.Trim(), "${text}");
            var slug = NotInSlug().Replace(text.ToLowerInvariant(), "").Replace(' ', '-');
            var anchor = slug;
            while (occurrences.ContainsKey(anchor))
            {
                occurrences[slug]++;
                anchor = $"{slug}-{occurrences[slug]}";
            }

            occurrences[anchor] = 0;
            anchors.Add(anchor);
        }

        return anchors;
    }

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"[^\p{L}\p{M}\p{N}\p{Pc} -]")]
    private static partial Regex NotInSlug();
}
