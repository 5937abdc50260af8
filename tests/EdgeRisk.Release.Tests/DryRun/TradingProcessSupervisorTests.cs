namespace EdgeRisk.Release.Tests.DryRun;

/// <summary>Real child processes (bash scripts standing in for edgerisk-trading) under the supervisor.</summary>
public sealed class TradingProcessSupervisorTests : IDisposable
{
    private const long S = RecordingBuilder.Start;

    // First run: 4 snapshots, then killed (-9) in the middle of a line. Second run (marker file present): resumes
    // 2 min of virtual time later with a new edgerisk_start_time_seconds and ends cleanly.
    private const string CrashOnceScript = """
        file=$1; marker=$2; start=1504396800
        snap() { printf '# snapshot %d\nedgerisk_start_time_seconds %d %d000\nvar_pct 41.5 %d000\n' "$1" "$2" "$1" "$1" >> "$file"; }
        if [ ! -e "$marker" ]; then
          touch "$marker"
          for i in 0 1 2 3; do snap $((start + i * 15)) $start; done
          printf 'var_pct 4' >> "$file"
          echo "replay crashing"
          kill -9 $$
        fi
        for i in 8 9 10 11; do snap $((start + i * 15)) $((start + 110)); done
        echo "replay resumed and finished"
        """;

    private readonly TempDirectory _dir = new("dry-run-supervisor");
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_ProcessCrashesOnce_RestartsItWithTheSameArgumentsAndCountsTheRestart()
    {
        var recorded = _dir.Combine("crypto.rec");
        using var supervisor = Supervisor(maxRestarts: 3);

        var outcome = await supervisor.RunAsync([Job("edgerisk-crypto", CrashOnceScript, recorded, _dir.Combine("crashed-once"))]);

        var job = Assert.Single(outcome.Jobs);
        Assert.Equal([137, 0], job.ExitCodes);
        Assert.Equal(1, job.Restarts);
        Assert.True(outcome.Completed);
        Assert.Equal((DateTimeOffset.FromUnixTimeSeconds(S), DateTimeOffset.FromUnixTimeSeconds(S + 165)), (job.FirstSampleTime!.Value, job.LastSampleTime!.Value));
        var log = await File.ReadAllTextAsync(job.LogPath);
        Assert.Contains("replay crashing", log, StringComparison.Ordinal);
        Assert.Contains("replay resumed and finished", log, StringComparison.Ordinal);

        var conversion = RecordedMetricsConverter.Convert([new RecordedMetricsSource(job.Job, recorded)], _dir.Combine("metrics.om"), new());
        var lines = await File.ReadAllLinesAsync(conversion.OutputPath);
        // The snapshot cut by the crash (S+45) is dropped: down from S+45 until the restarted process's S+120.
        Assert.Equal(["1", "1", "1", "0", "0", "0", "0", "0", "1", "1", "1", "1"],
            lines.Where(l => l.StartsWith("up{", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]));
        Assert.Equal([$"{S}", $"{S + 110}"],
            lines.Where(l => l.StartsWith("edgerisk_start_time_seconds{", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).Distinct());
    }

    [Fact]
    public async Task RunAsync_ProcessAlwaysFails_GivesUpAfterMaxRestarts()
    {
        using var supervisor = Supervisor(maxRestarts: 2);

        var outcome = await supervisor.RunAsync([Job("edgerisk-stocks", "echo 'no market data'; exit 3", _dir.Combine("stocks.rec"))]);

        var job = Assert.Single(outcome.Jobs);
        Assert.Equal([3, 3, 3], job.ExitCodes);
        Assert.Equal(2, job.Restarts);
        Assert.False(job.Succeeded);
        Assert.False(outcome.Completed);
        Assert.Null(outcome.StopReason);
    }

    [Fact]
    public async Task RunAsync_RestartArgumentsGiven_RestartUsesThem()
    {
        var script = "[ \"$1\" = crash ] && exit 134; echo \"resumed with $1\"";
        using var supervisor = Supervisor(maxRestarts: 1);
        var recorded = _dir.Combine("crypto.rec");

        var outcome = await supervisor.RunAsync(
            [new DryRunJob("edgerisk-crypto", "bash", ["-c", script, "bash", "crash"], recorded) { RestartArguments = ["-c", script, "bash", "plain"] }]);

        var job = Assert.Single(outcome.Jobs);
        Assert.Equal([134, 0], job.ExitCodes);
        Assert.Contains("resumed with plain", await File.ReadAllTextAsync(job.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_WhileJobsRun_KillsThemAtOnceAndReportsTheReason()
    {
        var started = _dir.Combine("started");
        using var supervisor = Supervisor(maxRestarts: 3);
        var run = supervisor.RunAsync(
        [
            Job("edgerisk-crypto", $"touch '{started}'; exec sleep 60", _dir.Combine("crypto.rec")),
            Job("edgerisk-stocks", "exec sleep 60", _dir.Combine("stocks.rec")),
        ]);
        await WaitForFileAsync(started);

        supervisor.Stop("VarCritical fired");
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("VarCritical fired", outcome.StopReason);
        Assert.All(outcome.Jobs, j => Assert.Equal([137], j.ExitCodes));
        Assert.All(outcome.Jobs, j => Assert.Equal(0, j.Restarts));
        Assert.False(outcome.Completed);
    }

    [Fact]
    public async Task RunAsync_CallerCancels_KillsTheChildrenAndTheirPidsAreGone()
    {
        var pids = _dir.Combine("pids");
        Directory.CreateDirectory(pids);
        using var supervisor = Supervisor(maxRestarts: 3);
        using var interrupted = new CancellationTokenSource();
        var run = supervisor.RunAsync(
        [
            Job("edgerisk-crypto", $"echo $$ > '{pids}/crypto'; exec sleep 60", _dir.Combine("crypto.rec")),
            Job("edgerisk-stocks", $"echo $$ > '{pids}/stocks'; exec sleep 60", _dir.Combine("stocks.rec")),
        ], interrupted.Token);
        var children = new[] { await ReadPidAsync(Path.Combine(pids, "crypto")), await ReadPidAsync(Path.Combine(pids, "stocks")) };
        Assert.All(children, pid => Assert.True(IsRunning(pid), $"child {pid} should run before the cancellation"));

        await interrupted.CancelAsync();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("cancelled by the caller", outcome.StopReason);
        Assert.All(outcome.Jobs, j => Assert.Equal([137], j.ExitCodes));
        Assert.All(children, pid => Assert.False(IsRunning(pid), $"child {pid} outlived the cancelled run"));
    }

    [Fact]
    public async Task Dispose_WhileJobsRun_KillsTheChildrenSoNoneOutlivesTheSupervisor()
    {
        var pidFile = _dir.Combine("crypto.pid");
        var supervisor = Supervisor(maxRestarts: 3);
        var run = supervisor.RunAsync([Job("edgerisk-crypto", $"echo $$ > '{pidFile}'; exec sleep 60", _dir.Combine("crypto.rec"))]);
        var child = await ReadPidAsync(pidFile);

        supervisor.Dispose();

        Assert.False(IsRunning(child), $"child {child} outlived its disposed supervisor");
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("the supervisor was disposed", outcome.StopReason);
        Assert.Equal([137], Assert.Single(outcome.Jobs).ExitCodes);
    }

    [Fact]
    public async Task RunAsync_TimeoutElapses_StopsTheRun()
    {
        var started = _dir.Combine("started");
        using var supervisor = Supervisor(maxRestarts: 0);
        var run = supervisor.RunAsync([Job("edgerisk-crypto", $"touch '{started}'; exec sleep 60", _dir.Combine("crypto.rec"))]);
        await WaitForFileAsync(started);

        _time.Advance(TimeSpan.FromMinutes(31));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("timed out after 30 min", outcome.StopReason);
    }

    [Fact]
    public async Task RunAsync_DuplicateJobNames_FailsBeforeStartingAnything()
    {
        using var supervisor = Supervisor(maxRestarts: 0);

        var error = await Assert.ThrowsAsync<DryRunException>(() => supervisor.RunAsync(
            [Job("edgerisk-crypto", "exit 0", _dir.Combine("a.rec")), Job("edgerisk-crypto", "exit 0", _dir.Combine("b.rec"))]));

        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
    }

    private TradingProcessSupervisor Supervisor(int maxRestarts) =>
        new(new TradingProcessSupervisorOptions { LogDirectory = _dir.Combine("logs"), MaxRestarts = maxRestarts, RestartDelay = TimeSpan.Zero }, _time);

    private static DryRunJob Job(string name, string script, string recorded, string? marker = null) =>
        new(name, "bash", ["-c", script, "bash", recorded, marker ?? string.Empty], recorded);

    /// <summary>The pid a child wrote (<c>echo $$</c> before it exec'd), once the line is complete.</summary>
    private static async Task<int> ReadPidAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (File.Exists(path) && await File.ReadAllTextAsync(path) is { } text && text.EndsWith('\n'))
            {
                return int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not appear within 10 s");
            await Task.Delay(20);
        }
    }

    /// <summary>True while the pid names a live process (not gone, not a zombie waiting to be reaped).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return !stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    private static async Task WaitForFileAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} did not appear within 10 s");
            await Task.Delay(20);
        }
    }
}
