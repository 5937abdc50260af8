using System.Text.Json;

namespace EdgeRisk.Nuke.Tests;

/// <summary>The real build's EvaluateGates: where its report may go, and what a promoted release may skip.</summary>
public sealed class EvaluateGatesTargetTests
{
    [Fact]
    public async Task EvaluateGates_OutputIsTheCheckout_ExitsTwoBeforeAnythingRunsAndDeletesNothing()
    {
        using var root = LocalRoot();
        root.Write("README.md", "# EdgeRisk");
        root.Write("src/Program.cs", "class Program;");
        var evidence = WriteEmptyEvidence(root);
        var before = Entries(root);

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["EvaluateGates", "--output", ".", "--evidence", evidence]);

        Assert.Equal(2, run.Result.ExitCode);
        var error = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("ERR ", StringComparison.Ordinal));
        Assert.Contains("--output .: gates: output folder", error, StringComparison.Ordinal);
        Assert.Contains("is not empty and holds no report written by this tool", error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Result.Targets, t => t.Status is TargetStatus.Succeeded or TargetStatus.Failed);
        Assert.Equal(before, Entries(root));
        Assert.Equal("class Program;", (root.Path / "src" / "Program.cs").ReadAllText());
    }

    [Fact]
    public async Task EvaluateGates_InvokedWithEvidenceAfterPromotion_EvaluatesAndWritesTheReport()
    {
        using var root = LocalRoot();
        await PromoteAsync(root);
        var evidence = WriteEmptyEvidence(root);

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["EvaluateGates", "--evidence", evidence]);

        Assert.DoesNotContain("Skipped: condition", run.Output, StringComparison.Ordinal);
        Assert.Equal(TargetStatus.Failed, run.StatusOf("EvaluateGates"));
        Assert.NotEqual(0, run.Result.ExitCode);
        using var gates = JsonDocument.Parse((root.Path / "artifacts" / "gates" / "gates.json").ReadAllText());
        // Empty evidence: every gate is INCONCLUSIVE, never PASS.
        Assert.Equal("INCONCLUSIVE", gates.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task EvaluateGates_InTheReleaseChainAfterPromotion_IsSkippedEvenWithEvidenceFromTheEnvironment()
    {
        using var root = LocalRoot();
        await PromoteAsync(root);
        var evidence = WriteEmptyEvidence(root);
        var environment = new Dictionary<string, string> { ["EVIDENCE"] = evidence };

        // The chain up to Promote, everything but EvaluateGates skipped: the gates of a promoted release are not judged again.
        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root,
            ["Promote", "--skip", "InstallDeps", "Tag", "ReleasePr", "Restore", "Compile", "StageDeploy", "BuildImages", "ImportDashboards", "CompileTrading", "SimStats", "Backtest", "DryRun", "Promote", "StopServices"],
            environment);

        Assert.Equal(TargetStatus.Skipped, run.StatusOf("EvaluateGates"));
        Assert.Contains("Skipped: condition !AlreadyPromoted || EvaluationAskedFor is false", run.Output, StringComparison.Ordinal);
        Assert.False((root.Path / "artifacts" / "gates" / "gates.json").FileExists());
        Assert.Equal(0, run.Result.ExitCode);
    }

    private static TempRoot LocalRoot()
    {
        var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json" }""");
        root.Write(".env", "EDGERISK_REGISTRY=127.0.0.1:5057\n");
        return root;
    }

    /// <summary>An evidence/ folder with a window and no replies: a valid input whose every gate is INCONCLUSIVE.</summary>
    private static string WriteEmptyEvidence(TempRoot root)
    {
        root.Write("evidence-in/index.json", """
            {"window": {"start": "2025-12-30T00:00:00Z", "end": "2026-01-01T00:00:00Z"}, "pnl_sigma_usd": 100,
             "var_limit_usd": null, "queries": [], "rules_file": null, "containers_file": null}
            """);
        return root.Path / "evidence-in";
    }

    /// <summary>A checkout whose GA tag v0.4.0 was promoted: the tag and a completed promotion.json naming its commit.</summary>
    private static async Task PromoteAsync(TempRoot root)
    {
        await GitAsync(root, "init", "-q", "-b", "main");
        await GitAsync(root, "add", "-A");
        await GitAsync(root, "-c", "user.name=release", "-c", "user.email=release@example.com", "commit", "-q", "-m", "release");
        await GitAsync(root, "-c", "user.name=release", "-c", "user.email=release@example.com", "tag", "-a", "v0.4.0", "-m", "GA");
        var commit = (await GitAsync(root, "rev-parse", "v0.4.0^{commit}")).Trim();
        root.Write("artifacts/release/v0.4.0/promotion.json", $$"""{ "tag": "v0.4.0", "commit": "{{commit}}", "completed": true }""");
    }

    private static async Task<string> GitAsync(TempRoot root, params string[] arguments)
    {
        var git = await ProcessRunner.RunAsync(new ProcessOptions { FileName = "git", Arguments = arguments, WorkingDirectory = root.Path, Timeout = TimeSpan.FromMinutes(1) });
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {git.StandardError}");
        return git.StandardOutput;
    }

    private static List<string> Entries(TempRoot root) =>
        [.. Directory.EnumerateFileSystemEntries(root.Path, "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/.nuke/", StringComparison.Ordinal) && !p.Contains("/.github", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(root.Path, p)).Order(StringComparer.Ordinal)];
}
