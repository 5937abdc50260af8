using EdgeRisk.Release.DryRun;
using EdgeRisk.Testing.Services;
using Microsoft.Extensions.Time.Testing;

namespace EdgeRisk.Release.Tests.DryRun;

/// <summary>Real child processes (bash scripts standing in for edgerisk-trading) under the supervisor.</summary>
public sealed class TradingProcessSupervisorTests : IDisposable
{
    private const long S = RecordingBuilder.Start;

    // First run: 4 snapshots, then killed (-9) in the middle of a line. Second run (marker file present): resumes
    // 2 min of virtual time later with a new process_start_time_seconds and ends cleanly.
    private const string CrashOnceScript = """
        file=$1; marker=$2; start=1504396800
        snap() { printf '# snapshot %d\nprocess_start_time_seconds %d %d000\nvar_pct 41.5 %d000\n' "$1" "$2" "$1" "$1" >> "$file"; }
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
            lines.Where(l => l.StartsWith("process_start_time_seconds{", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).Distinct());
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
