using System.Globalization;

namespace EdgeRisk.Processes.Tests;

public sealed class ProcessRunnerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task RunAsync_NonZeroExit_ReturnsExitCodeWithoutThrowing()
    {
        var result = await ProcessRunner.RunAsync(Shell("exit 3"));

        Assert.Equal(3, result.ExitCode);
        var exception = Assert.Throws<ProcessException>(() => result.EnsureSuccess());
        Assert.Equal("'sh' failed (exit 3): (no output)", exception.Message);
    }

    [Fact]
    public async Task RunAsync_BothStreams_AreCapturedApartAndInOrder()
    {
        var seen = new List<OutputLine>();
        var options = Shell("echo out; echo err 1>&2; echo more") with { OnLine = line => { lock (seen) { seen.Add(line); } } };

        var result = await ProcessRunner.RunAsync(options);

        Assert.Equal("out\nmore\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
        Assert.Contains(new OutputLine(OutputStream.Err, "err"), result.Lines);
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task RunAsync_EnvironmentAndWorkingDirectory_ReachTheProcess()
    {
        var directory = Directory.CreateTempSubdirectory("edgerisk-runner-");
        try
        {
            var options = Shell("echo \"$EDGERISK_PROBE\"; pwd") with
            {
                WorkingDirectory = directory.FullName,
                Environment = new Dictionary<string, string> { ["EDGERISK_PROBE"] = "seen" },
            };

            var result = await ProcessRunner.RunAsync(options);

            Assert.Equal($"seen\n{directory.FullName}\n", result.StandardOutput);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_UnsetEnvironment_HidesInheritedVariablesWhileSetOnesApply()
    {
        System.Environment.SetEnvironmentVariable("EDGERISK_PROBE_INHERITED", "inherited");
        System.Environment.SetEnvironmentVariable("EDGERISK_PROBE_REPLACED", "inherited");
        var options = Shell("echo \"${EDGERISK_PROBE_INHERITED-unset} ${EDGERISK_PROBE_REPLACED-unset}\"") with
        {
            UnsetEnvironment = ["EDGERISK_PROBE_INHERITED", "EDGERISK_PROBE_REPLACED"],
            Environment = new Dictionary<string, string> { ["EDGERISK_PROBE_REPLACED"] = "given" },
        };

        var result = await ProcessRunner.RunAsync(options);

        Assert.Equal("unset given\n", result.StandardOutput);
    }

    [Fact]
    public async Task RunAsync_StandardInput_IsClosedSoPromptsFailInsteadOfHanging()
    {
        var result = await ProcessRunner.RunAsync(Shell("if read -r line; then echo got; else echo eof; fi") with { Timeout = Generous });

        Assert.Equal("eof\n", result.StandardOutput);
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsTheWholeTreeAndNamesTheTool()
    {
        var options = Shell("sleep 300 & echo $!; echo started; wait") with { Timeout = TimeSpan.FromSeconds(2) };

        var exception = await Assert.ThrowsAsync<ProcessException>(() => ProcessRunner.RunAsync(options));

        Assert.True(exception.TimedOut);
        Assert.StartsWith("Process 'sh' timed out after 2 s and was killed; its last output: ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("started", exception.LastOutput, StringComparison.Ordinal);
        var child = int.Parse(exception.LastOutput.Split(" | ")[0], CultureInfo.InvariantCulture);
        Assert.True(await GoneAsync(child), $"the child sleep {child} outlived the timeout");
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheTreeAndThrowsCancellation()
    {
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Shell("sleep 300 & echo $!; wait") with
        {
            OnLine = line => started.TrySetResult(int.Parse(line.Text, CultureInfo.InvariantCulture)),
        };

        var run = ProcessRunner.RunAsync(options, cancel.Token);
        var child = await started.Task.WaitAsync(Generous);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(await GoneAsync(child), $"the child sleep {child} outlived the cancellation");
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_ThrowsOneLineNamingToolAndFix()
    {
        var options = new ProcessOptions { FileName = "edgerisk-no-such-tool", Arguments = ["--token", "s3cret"], MissingHint = "install it" };

        var exception = await Assert.ThrowsAsync<ProcessException>(() => ProcessRunner.RunAsync(options));

        Assert.False(exception.TimedOut);
        Assert.StartsWith("Could not start 'edgerisk-no-such-tool': ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("; install it", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.DoesNotContain("s3cret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WithErrorAndMissingExecutable_ThrowsTheCallersExceptionWrappingTheProcessOne()
    {
        var options = new ProcessOptions { FileName = "edgerisk-no-such-tool", MissingHint = "install it" };

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ProcessRunner.RunAsync(options, e => new InvalidOperationException($"caller: {e.Message}", e)));

        var inner = Assert.IsType<ProcessException>(exception.InnerException);
        Assert.False(inner.TimedOut);
        Assert.Equal($"caller: {inner.Message}", exception.Message);
    }

    [Fact]
    public async Task RunAsync_WithErrorAndNonZeroExit_ReturnsTheResultWithoutCallingIt()
    {
        var result = await ProcessRunner.RunAsync(Shell("exit 3"), e => new InvalidOperationException("not expected", e));

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task RunAsync_MaxCapturedChars_KeepsTheStartButPassesEveryLineOn()
    {
        var passed = 0;
        var options = Shell("for i in $(seq 1 100); do echo line$i; done") with
        {
            MaxCapturedChars = 20,
            OnLine = _ => Interlocked.Increment(ref passed),
        };

        var result = await ProcessRunner.RunAsync(options);

        Assert.Equal(100, passed);
        Assert.True(result.Lines.Count < 10);
        Assert.Equal("line1", result.Lines[0].Text);
    }

    private static ProcessOptions Shell(string script) => new() { FileName = "/bin/sh", Arguments = ["-c", script] };

    /// <summary>Whether the process is gone (or a zombie awaiting its reaper) within a generous bound.</summary>
    private static async Task<bool> GoneAsync(int pid)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var status = $"/proc/{pid}/status";
            if (!File.Exists(status))
            {
                return true;
            }

            try
            {
                if (File.ReadLines(status).Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains('Z', StringComparison.Ordinal)))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
