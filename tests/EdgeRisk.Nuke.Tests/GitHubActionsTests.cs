using System.Text.RegularExpressions;

namespace EdgeRisk.Nuke.Tests;

/// <summary>The generated workflows as a release needs them, and the engine's output under GitHub Actions.</summary>
public sealed partial class GitHubActionsTests
{
    private static IReadOnlyDictionary<string, string> Workflows => WorkflowGenerator.Generate(typeof(EdgeRisk.Build.Build));

    [Fact]
    public void Workflows_Promote_IsAManualStagingReleaseOfTheGivenVersion()
    {
        var yaml = Workflows["promote.yml"];

        Assert.Contains("\non:\n  workflow_dispatch:\n    inputs:\n      version:\n", yaml, StringComparison.Ordinal);
        Assert.Matches(@"\n      version:\n        description: '(?:[^']|'')+'\n        required: true\n        type: string\n", yaml);
        Assert.Matches(@"\n      rc:\n        description: '(?:[^']|'')+'\n        required: false\n        type: string\n", yaml);
        Assert.Contains("        run: ./build.sh Promote --profile staging --release-version \"$INPUT_VERSION${INPUT_RC:+-rc$INPUT_RC}\"\n", yaml, StringComparison.Ordinal);
        // The inputs reach the script as environment variables, never expanded into it.
        Assert.Contains("          INPUT_VERSION: ${{ inputs.version }}\n          INPUT_RC: ${{ inputs.rc }}\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"run: [^\n]*\$\{\{", yaml);
    }

    [Fact]
    public void Workflows_Promote_RunsApprovedWithWriteAccessOneRunPerVersion()
    {
        var yaml = Workflows["promote.yml"];

        TextAssert.ContainsAll(
            yaml,
            "\n    environment: production\n",
            "\npermissions:\n  contents: write\n  actions: read\n  packages: read\n  pull-requests: write\n\n",
            "\nconcurrency:\n  group: promote-${{ inputs.version }}\n  cancel-in-progress: false\n");
    }

    [Fact]
    public void Workflows_Promote_PassesSecretsAndStagingVariables()
    {
        var yaml = Workflows["promote.yml"];

        foreach (var secret in new[] { "GITHUB_TOKEN", "GRAFANA_TOKEN", "PAGERDUTY_ROUTING_KEY", "JIRA_API_TOKEN" })
        {
            Assert.Contains($"          {secret}: ${{{{ secrets.{secret} }}}}\n", yaml, StringComparison.Ordinal);
        }

        foreach (var variable in new[] { "GRAFANA_URL", "JIRA_URL", "JIRA_EMAIL", "PRODUCTION_DOCKER_HOST", "PROMETHEUS_URL", "EDGERISK_REGISTRY", "REVIEWERS" })
        {
            Assert.Contains($"          {variable}: ${{{{ vars.{variable} }}}}\n", yaml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Workflows_Ci_RunsOncePerChangeAndCancelsOutdatedPullRequestRuns()
    {
        var yaml = Workflows["ci.yml"];

        // A PR branch runs as the pull request only; pushes run on main and release tags.
        TextAssert.ContainsAll(
            yaml,
            "\non:\n  push:\n    branches: ['main']\n    tags: ['v*']\n  pull_request:\n\n",
            "\nconcurrency:\n  group: ci-${{ github.ref }}\n  cancel-in-progress: ${{ github.event_name == 'pull_request' }}\n",
            "\npermissions:\n  contents: read\n\n");
    }

    [Fact]
    public void Workflows_EveryAction_IsAtItsCurrentMajorVersion()
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["actions/checkout"] = "v6",
            ["actions/setup-dotnet"] = "v5",
            ["actions/cache"] = "v5",
            ["actions/upload-artifact"] = "v7",
            ["docker/login-action"] = "v4",
        };

        var uses = Workflows.SelectMany(w => UsesLine().Matches(w.Value).Select(m => (File: w.Key, Action: m.Groups[1].Value, Version: m.Groups[2].Value))).ToList();

        Assert.Contains(uses, u => u.Action == "docker/login-action");
        Assert.Equal(3, uses.Count(u => u.Action == "actions/checkout"));
        Assert.All(uses, u => Assert.True(current.TryGetValue(u.Action, out var major) && u.Version == major,
            $"{u.File}: {u.Action}@{u.Version} is not at the current major {major ?? "(unknown action)"}"));
    }

    [Fact]
    public async Task Run_GitHubActions_FoldsEachTargetIntoALogGroupOnlyThere()
    {
        var actions = await BuildHarness.RunAsync(new GroupedBuild(), ["Second"], new() { ["GITHUB_ACTIONS"] = "true" });
        var parallel = await BuildHarness.RunAsync(new GroupedBuild(), ["Both", "--parallel", "2"], new() { ["GITHUB_ACTIONS"] = "true" });
        var local = await BuildHarness.RunAsync(new GroupedBuild(), ["Second"]);
        var otherCi = await BuildHarness.RunAsync(new GroupedBuild(), ["Second"], new() { ["CI"] = "true" });

        Assert.Equal(0, actions.Result.ExitCode);
        Assert.Contains("::group::First\n[First] first says hello\n::endgroup::\n::group::Second\n[Second] second says hello\n::endgroup::\n",
            actions.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var lines = parallel.Output.ReplaceLineEndings("\n").Split('\n');
        foreach (var target in new[] { "First", "Second" })
        {
            var start = Array.IndexOf(lines, $"::group::{target}");
            Assert.True(start >= 0, parallel.Output);
            Assert.Equal([$"[{target}] {target.ToLowerInvariant()} says hello", "::endgroup::"], lines[(start + 1)..(start + 3)]);
        }

        Assert.DoesNotContain("::group::", local.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("::group::", otherCi.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("::endgroup::", local.Output + otherCi.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StepSummarySet_AppendsTargetTableAndReportMasked()
    {
        using var root = new TempRoot();
        var summary = root.Path / "step-summary.md";
        summary.WriteAllText("earlier step\n");

        var run = await BuildHarness.RunAsync(new ReportingBuild(), root, ["Report"],
            new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary, ["REPORT_TOKEN"] = "s3cr3t-value" });

        Assert.Equal(0, run.Result.ExitCode);
        var text = summary.ReadAllText();
        Assert.StartsWith("earlier step\n", text, StringComparison.Ordinal);
        Assert.Contains("| Target | Status | Duration | Reason |\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\| Prepare \| Succeeded \| [0-9:.]+ \|  \|\n\| Report \| Succeeded \| [0-9:.]+ \|  \|\n", text);
        Assert.Contains("**Build succeeded.**", text, StringComparison.Ordinal);
        Assert.Contains("# Gates report\n\nVerdict: **PASS**", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("| Report |", StringComparison.Ordinal) < text.IndexOf("# Gates report", StringComparison.Ordinal), text);
        Assert.DoesNotContain("s3cr3t-value", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StepSummaryWithoutReport_AppendsTableOfTheFailedBuild()
    {
        using var root = new TempRoot();
        var summary = root.Path / "step-summary.md";

        var run = await BuildHarness.RunAsync(new ReportingBuild { Fail = true }, root, ["Report"],
            new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.Equal(1, run.Result.ExitCode);
        Assert.True(summary.FileExists(), run.Output);
        var text = summary.ReadAllText();
        Assert.Matches(@"\| Report \| Failed \| [0-9:.]+ \| no evidence \\\| none \|\n", text);
        Assert.Contains("**Build failed.**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("# Gates report", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"uses: ([\w.-]+/[\w.-]+)@(\S+)")]
    private static partial Regex UsesLine();

    private sealed class GroupedBuild : NukeBuild
    {
        public Target First => _ => _.Executes(() => Log.Information("first says hello"));

        public Target Second => _ => _.DependsOn(First).Executes(() => Log.Information("second says hello"));

        public Target Both => _ => _.DependsOn(First, Second);
    }

    private sealed class ReportingBuild : NukeBuild
    {
        [Parameter("Token"), Secret]
        public string? ReportToken { get; set; }

        public bool Fail { get; init; }

        AbsolutePath ReportFile => ArtifactsDirectory / "gates" / "report.md";

        public Target Prepare => _ => _.Executes(() => { });

        public Target Report => _ => _.DependsOn(Prepare).Executes(() =>
        {
            if (Fail)
            {
                throw new InvalidOperationException("no evidence | none");
            }

            ReportFile.WriteAllText($"# Gates report\n\nVerdict: **PASS** (read with {ReportToken})\n");
        });

        protected override IEnumerable<AbsolutePath> StepSummaryFiles => [ReportFile];
    }
}
