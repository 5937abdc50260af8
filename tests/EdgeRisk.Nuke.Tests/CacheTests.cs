namespace EdgeRisk.Nuke.Tests;

internal sealed class IncrementalBuild : NukeBuild
{
    [Parameter("Affects the output")]
    public string Mode { get; set; } = "a";

    public int Runs { get; private set; }

    public Target Report => _ => _
        .Inputs("data/**/*.csv")
        .Outputs("artifacts/report.txt")
        .Executes(() =>
        {
            Runs++;
            (ArtifactsDirectory / "report.txt").WriteAllText($"{Mode}:{(RootDirectory / "data" / "prices.csv").ReadAllText()}");
        });
}

internal sealed class LayeredBuild : NukeBuild
{
    public int PrepareRuns { get; private set; }

    public int ReportRuns { get; private set; }

    public Target Prepare => _ => _
        .Inputs("data/**/*.csv")
        .Outputs("artifacts/prepared.txt")
        .Executes(() =>
        {
            PrepareRuns++;
            (ArtifactsDirectory / "prepared.txt").WriteAllText((RootDirectory / "data" / "prices.csv").ReadAllText());
        });

    public Target Report => _ => _
        .DependsOn(Prepare)
        .Inputs("artifacts/prepared.txt")
        .Outputs("artifacts/report.txt")
        .Executes(() =>
        {
            ReportRuns++;
            (ArtifactsDirectory / "report.txt").WriteAllText((ArtifactsDirectory / "prepared.txt").ReadAllText());
        });
}

public sealed class CacheTests
{
    [Fact]
    public async Task Run_Unchanged_SkipsAsUpToDateWithReason()
    {
        using var root = Setup();

        await Run(root);
        var second = await Run(root);

        Assert.Equal(TargetStatus.UpToDate, second.Run.StatusOf("Report"));
        Assert.Equal(0, second.Build.Runs);
        Assert.Contains("Skipped (up to date): 2 input files", second.Run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InputChanged_Reruns()
    {
        using var root = Setup();
        await Run(root);

        root.Write("data/sub/prices.csv", "changed");

        Assert.Equal(1, (await Run(root)).Build.Runs);
    }

    [Fact]
    public async Task Run_ParameterChanged_Reruns()
    {
        using var root = Setup();
        await Run(root);

        Assert.Equal(1, (await Run(root, "--mode", "b")).Build.Runs);
    }

    [Fact]
    public async Task Run_CodeChanged_Reruns()
    {
        using var root = Setup();
        await Run(root);

        var run = await BuildHarness.RunAsync(new IncrementalBuild(), root, ["Report"], code: "code-v2");

        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Report"));
    }

    [Fact]
    public async Task Run_OutputMissingOrChanged_Reruns()
    {
        using var root = Setup();
        await Run(root);

        (root.Path / "artifacts" / "report.txt").DeleteFile();
        Assert.Equal(1, (await Run(root)).Build.Runs);

        root.Write("artifacts/report.txt", "tampered");
        Assert.Equal(1, (await Run(root)).Build.Runs);
        Assert.Equal(0, (await Run(root)).Build.Runs);
    }

    [Theory]
    [InlineData("--force")]
    [InlineData("--no-cache")]
    public async Task Run_Force_Reruns(string flag)
    {
        using var root = Setup();
        await Run(root);

        Assert.Equal(1, (await Run(root, flag)).Build.Runs);
    }

    [Theory]
    [InlineData("--force")]
    [InlineData("--no-cache")]
    public async Task Run_ForceWithUpToDateDependency_RerunsNamedTargetOnly(string flag)
    {
        using var root = Setup();
        Assert.Equal(0, (await BuildHarness.RunAsync(new LayeredBuild(), root, ["Report"])).Result.ExitCode);

        var build = new LayeredBuild();
        var run = await BuildHarness.RunAsync(build, root, ["Report", flag]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(TargetStatus.UpToDate, run.StatusOf("Prepare"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Report"));
        Assert.Equal((0, 1), (build.PrepareRuns, build.ReportRuns));
    }

    [Fact]
    public async Task Run_ForceWithChangedDependency_RerunsBoth()
    {
        using var root = Setup();
        Assert.Equal(0, (await BuildHarness.RunAsync(new LayeredBuild(), root, ["Report"])).Result.ExitCode);
        root.Write("data/prices.csv", "SPY,2");

        var build = new LayeredBuild();
        var run = await BuildHarness.RunAsync(build, root, ["Report", "--force"]);

        Assert.Equal((1, 1), (build.PrepareRuns, build.ReportRuns));
        Assert.Equal("SPY,2", (root.Path / "artifacts" / "report.txt").ReadAllText());
    }

    [Fact]
    public async Task Run_ForceNamingBoth_RerunsBoth()
    {
        using var root = Setup();
        Assert.Equal(0, (await BuildHarness.RunAsync(new LayeredBuild(), root, ["Report"])).Result.ExitCode);

        var build = new LayeredBuild();
        await BuildHarness.RunAsync(build, root, ["Prepare", "Report", "--force"]);

        Assert.Equal((1, 1), (build.PrepareRuns, build.ReportRuns));
    }

    private static TempRoot Setup()
    {
        var root = new TempRoot();
        root.Write("data/prices.csv", "SPY,1");
        root.Write("data/sub/prices.csv", "QQQ,2");
        return root;
    }

    private static async Task<(BuildRun Run, IncrementalBuild Build)> Run(TempRoot root, params string[] args)
    {
        var build = new IncrementalBuild();
        var run = await BuildHarness.RunAsync(build, root, ["Report", .. args]);
        Assert.Equal(0, run.Result.ExitCode);
        return (run, build);
    }
}
