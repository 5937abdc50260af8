using System.Text.Json;

namespace EdgeRisk.Nuke.Tests;

public sealed class GeneratedFilesTests
{
    private static readonly AbsolutePath Repository = new(RepositoryRoot.Path);

    [Fact]
    public void Workflows_Committed_MatchWhatTheBuildGenerates()
    {
        var generated = WorkflowGenerator.Generate(typeof(EdgeRisk.Build.Build));

        Assert.Equal(["ci.yml", "docker.yml", "promote.yml"], generated.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, yaml) in generated)
        {
            var committed = Repository / ".github" / "workflows" / name;
            Assert.True(committed.FileExists(), $"{name} is missing: run ./build.sh --generate-workflows");
            Assert.True(yaml == committed.ReadAllText(), $"{name} is out of date: run ./build.sh --generate-workflows");
        }
    }

    [Fact]
    public void Workflows_Promote_ImportsSecretsAndInvokesTarget()
    {
        var yaml = WorkflowGenerator.Generate(typeof(EdgeRisk.Build.Build))["promote.yml"];

        TextAssert.ContainsAll(yaml,
            "  workflow_dispatch:", "run: ./build.sh Promote", "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", "fetch-depth: 0", "run: sudo bash scripts/install-deps.sh");
    }

    [Fact]
    public void Workflows_Docker_RunsBuildImagesOnVersionTagPush()
    {
        var yaml = WorkflowGenerator.Generate(typeof(EdgeRisk.Build.Build))["docker.yml"];

        // §1 of the runbook: `git push --tags` of v0.4.0-rc3 (and of v0.4.0) is what starts the image build.
        Assert.Contains("\non:\n  push:\n    tags: ['v*']\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("branches:", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh BuildImages", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflows_Docker_LogsInToGhcrAndPushesThereWithPackagesWrite()
    {
        var yaml = WorkflowGenerator.Generate(typeof(EdgeRisk.Build.Build))["docker.yml"];

        TextAssert.ContainsAll(
            yaml,
            "\npermissions:\n  contents: read\n  packages: write\n",
            "      - uses: docker/login-action@v4\n        with:\n          registry: ghcr.io\n",
            "          username: ${{ github.actor }}\n          password: ${{ secrets.GITHUB_TOKEN }}\n",
            // BuildImages pushes to EDGERISK_REGISTRY: the owner's namespace on ghcr.io, in lowercase as image names must be.
            "run: echo \"EDGERISK_REGISTRY=ghcr.io/${GITHUB_REPOSITORY_OWNER,,}\" >> \"$GITHUB_ENV\"");
        Assert.True(yaml.IndexOf("docker/login-action", StringComparison.Ordinal) < yaml.IndexOf("run: ./build.sh BuildImages", StringComparison.Ordinal),
            "the login must come before the push");
        // Only the image workflow may write packages.
        var others = WorkflowGenerator.Generate(typeof(EdgeRisk.Build.Build)).Where(w => w.Key != "docker.yml").Select(w => w.Value);
        Assert.All(others, y => Assert.DoesNotContain("packages: write", y, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_LocalBuild_WritesSchemaWithParametersAndTargets()
    {
        using var root = new TempRoot();

        await BuildHarness.RunAsync(new ParameterBuild(), root, ["--help"]);

        using var schema = JsonDocument.Parse((root.Path / ".nuke" / "build.schema.json").ReadAllText());
        var properties = schema.RootElement.GetProperty("properties");
        Assert.Equal("string", properties.GetProperty("WindowEnd").GetProperty("type").GetString());
        Assert.Equal("date-time", properties.GetProperty("WindowEnd").GetProperty("format").GetString());
        Assert.Equal("integer", properties.GetProperty("Retries").GetProperty("type").GetString());
        Assert.Equal("array", properties.GetProperty("Symbols").GetProperty("type").GetString());
        Assert.Equal(["Paper", "Live"], properties.GetProperty("Venue").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.EndsWith("(secret)", properties.GetProperty("GitHubToken").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Backtest", properties.GetProperty("Target").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Run_SchemaEditedOrDeletedAfterGeneration_IsGeneratedAgain()
    {
        using var root = new TempRoot();
        await BuildHarness.RunAsync(new ParameterBuild(), root, ["--help"]);
        var schema = root.Path / ".nuke" / "build.schema.json";
        var generated = schema.ReadAllText();

        schema.WriteAllText("{}");
        await BuildHarness.RunAsync(new ParameterBuild(), root, ["--help"]);
        Assert.Equal(generated, schema.ReadAllText());

        schema.DeleteFile();
        await BuildHarness.RunAsync(new ParameterBuild(), root, ["--help"]);
        Assert.Equal(generated, schema.ReadAllText());
    }

    [Fact]
    public async Task Run_BuildCodeChanged_GeneratesAgain()
    {
        using var root = new TempRoot();
        await BuildHarness.RunAsync(new ParameterBuild(), root, ["--help"]);
        var stamp = root.Path / ".nuke" / "temp" / "generated.stamp";
        Assert.Contains("code-v1", stamp.ReadAllText(), StringComparison.Ordinal);

        await BuildHarness.RunAsync(new ParameterBuild(), root, ["--help"], code: "code-v2");

        Assert.Contains("code-v2", stamp.ReadAllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_Committed_MatchesTheBuild()
    {
        using var root = new TempRoot();
        (root.Path / ".nuke" / "parameters.json").WriteAllText((Repository / ".nuke" / "parameters.json").ReadAllText());

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["--help"]);

        Assert.True((root.Path / ".nuke" / "build.schema.json").FileExists(), run.Output);
        Assert.Equal((Repository / ".nuke" / "build.schema.json").ReadAllText(), (root.Path / ".nuke" / "build.schema.json").ReadAllText());
        Assert.Equal((Repository / ".github" / "workflows" / "ci.yml").ReadAllText(), (root.Path / ".github" / "workflows" / "ci.yml").ReadAllText());
    }
}
