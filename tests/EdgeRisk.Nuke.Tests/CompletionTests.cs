namespace EdgeRisk.Nuke.Tests;

public sealed class CompletionTests
{
    [Theory]
    [InlineData("./build.sh Dr", "DryRun")]
    [InlineData("./build.sh --ver", "--verbosity")]
    [InlineData("./build.sh --verbosity Mi", "Minimal")]
    [InlineData("./build.sh --profile st", "staging")]
    public async Task Completion_BashScriptSourced_CompletesTargetsFlagsAndValues(string line, string expected)
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.staging.json", "{}");
        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["--completion", "bash"]);
        Assert.Equal(0, run.Result.ExitCode);
        root.Write("completion.bash", run.Output);
        root.Write("complete.sh", $"""
            source ./completion.bash
            COMP_WORDS=({line})
            COMP_CWORD=$(( ${"{"}#COMP_WORDS[@]{"}"} - 1 ))
            _edgerisk_build
            printf '%s\n' "${"{"}COMPREPLY[@]{"}"}"
            """);

        using var bash = ProcessTasks.StartProcess("bash", "complete.sh", root.Path, timeout: TimeSpan.FromMinutes(2), logOutput: false);
        bash.AssertZeroExitCode();

        var completions = bash.Output.Where(o => o.Type == OutputType.Std).Select(o => o.Text).ToList();
        Assert.Equal([expected], completions);
    }

    [Fact]
    public async Task Completion_ZshScript_UsesBashCompletionBridge()
    {
        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), ["--completion=zsh"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("bashcompinit", run.Output, StringComparison.Ordinal);
        Assert.Contains("complete -F _edgerisk_build ./build.sh", run.Output, StringComparison.Ordinal);
        Assert.Contains("DryRun", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_UnknownShell_OneLineErrorNamingValidShells()
    {
        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), ["--completion", "fish"]);

        Assert.Contains("--completion expects one of bash, zsh (got 'fish')", run.RefusalLine(), StringComparison.Ordinal);
    }
}
