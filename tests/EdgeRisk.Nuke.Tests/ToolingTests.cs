namespace EdgeRisk.Nuke.Tests;

public sealed class ToolingTests
{
    [Fact]
    public void StartProcess_Output_IsCapturedByStream()
    {
        using var process = ProcessTasks.StartProcess("/bin/sh", "-c \"echo out; echo err 1>&2\"", logOutput: false);

        process.AssertZeroExitCode();

        Assert.Contains(new Output(OutputType.Std, "out"), process.Output);
        Assert.Contains(new Output(OutputType.Err, "err"), process.Output);
    }

    [Fact]
    public void StartProcess_Timeout_KillsAndFailsNamingTool()
    {
        using var process = ProcessTasks.StartProcess("/bin/sleep", "30", timeout: TimeSpan.FromMilliseconds(200), logOutput: false);

        var exception = Assert.Throws<ProcessException>(() => process.AssertZeroExitCode());

        Assert.Contains("Process 'sleep' timed out", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartProcess_MissingTool_FailsWithOneLine()
    {
        var exception = Assert.Throws<ProcessException>(() => ProcessTasks.StartProcess("edgerisk-no-such-tool"));

        Assert.StartsWith("Could not start 'edgerisk-no-such-tool'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrxSummary_Read_TotalsCountersAcrossFiles()
    {
        using var root = new TempRoot();
        const string Trx = """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <ResultSummary outcome="Failed">
                <Counters total="{0}" executed="{0}" passed="{1}" failed="{2}" error="0" timeout="0" aborted="0" notExecuted="{3}" />
              </ResultSummary>
            </TestRun>
            """;
        root.Write("a.trx", string.Format(System.Globalization.CultureInfo.InvariantCulture, Trx, 5, 4, 1, 0));
        root.Write("b.trx", string.Format(System.Globalization.CultureInfo.InvariantCulture, Trx, 3, 2, 0, 1));

        var summary = TrxSummary.Read([root.Path / "a.trx", root.Path / "b.trx"]);

        Assert.Equal("6 passed, 1 failed, 1 skipped", summary.ToString());
    }

    [Fact]
    public void TrxSummary_Read_TruncatedFile_Throws()
    {
        using var root = new TempRoot();
        root.Write("a.trx", "<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"></TestRun>");

        Assert.Throws<InvalidDataException>(() => TrxSummary.Read([root.Path / "a.trx"]));
    }

    [Fact]
    public void UndeclaredNames_WorkflowTargetsNotInBuild_AreListed()
    {
        var line = WorkflowGenerator.UndeclaredNames(typeof(EdgeRisk.Build.Build), ["Test"]);

        Assert.NotNull(line);
        Assert.Contains("BuildImages, Promote", line, StringComparison.Ordinal);
    }
}
