using System.Globalization;
using EdgeRisk.Evidence.Recordings;

namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>
/// Runs the dry run's trading processes in parallel with an on-failure restart policy. A restarted process gets the
/// same command line, or <see cref="DryRunJob.RestartArguments"/> (the host resumes from its Redis journal). <see cref="Stop"/> (or the caller's token, or
/// <see cref="TradingProcessSupervisorOptions.Timeout"/>) kills every process at once and ends the run early;
/// <see cref="Dispose"/> does too, so no trading process outlives its supervisor (a build interrupted mid-run leaves no orphan).
/// Single use: one <see cref="RunAsync"/> per instance.
/// </summary>
public sealed class TradingProcessSupervisor : IDisposable
{
    private readonly TradingProcessSupervisorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly HashSet<LoggedProcess> _running = [];
    private bool _disposed;
    private string? _stopReason;

    public TradingProcessSupervisor(TradingProcessSupervisorOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRestarts);
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>Ends the run now (e.g. a gate saw a breach); the outcome carries <paramref name="reason"/>.</summary>
    public void Stop(string reason)
    {
        Interlocked.CompareExchange(ref _stopReason, reason, null);
        _stop.Cancel();
    }

    public async Task<DryRunOutcome> RunAsync(IReadOnlyList<DryRunJob> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        Validate(jobs);
        Directory.CreateDirectory(_options.LogDirectory);
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var timeoutRegistration = timeout.Token.Register(
            () => Stop($"timed out after {_options.Timeout.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min"));
        using var callerRegistration = cancellationToken.Register(() => Stop("cancelled by the caller"));

        var outcomes = await Task.WhenAll(jobs.Select(RunJobAsync));
        return new DryRunOutcome(outcomes, _stopReason);
    }

    /// <summary>Stops the run and kills every process still running (SIGKILL, waiting until each is gone).</summary>
    public void Dispose()
    {
        List<LoggedProcess> running;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            running = [.. _running];
        }

        Stop("the supervisor was disposed");
        foreach (var process in running)
        {
            process.Kill();
        }
    }

    private static void Validate(IReadOnlyList<DryRunJob> jobs)
    {
        if (jobs.Count == 0)
        {
            throw new DryRunException("no trading jobs to run; pass at least one job");
        }

        foreach (var job in jobs)
        {
            if (string.IsNullOrWhiteSpace(job.Job) || job.Job.IndexOfAny(['/', '\\', '"']) >= 0)
            {
                throw new DryRunException($"job name '{job.Job}' is not usable as a Prometheus job and log name; use e.g. edgerisk-crypto");
            }
        }

        var duplicate = jobs.GroupBy(j => j.Job, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DryRunException($"job '{duplicate.Key}' is listed twice; every job needs its own name");
        }
    }

    private async Task<DryRunJobOutcome> RunJobAsync(DryRunJob job)
    {
        var logPath = Path.Combine(_options.LogDirectory, job.Job + ".log");
        await File.WriteAllTextAsync(logPath, string.Empty);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(job.RecordedMetricsPath))!);
        // A fresh run records into a fresh file; restarts of this run append to it.
        File.Delete(job.RecordedMetricsPath);

        var exitCodes = new List<int>();
        var restarts = 0;
        while (!_stop.IsCancellationRequested)
        {
            await File.AppendAllTextAsync(logPath, $"--- {job.Job}: attempt {exitCodes.Count + 1} ---\n");
            var arguments = exitCodes.Count > 0 && job.RestartArguments is { } restart ? restart : job.Arguments;
            using var process = LoggedProcess.Start(job.FileName, arguments, logPath, job.WorkingDirectory, job.Environment);
            lock (_gate)
            {
                if (!_disposed)
                {
                    _running.Add(process);
                }
            }

            try
            {
                // Disposed while this one was starting: the stop below was already requested, so it is killed at once.
                await process.WaitForExitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                await process.KillAsync();
            }
            finally
            {
                lock (_gate)
                {
                    _running.Remove(process);
                }
            }

            exitCodes.Add(process.ExitCode);
            await File.AppendAllTextAsync(logPath, $"--- {job.Job}: exited with code {process.ExitCode} ---\n");
            if (process.ExitCode == 0 || _stop.IsCancellationRequested || restarts >= _options.MaxRestarts)
            {
                break;
            }

            restarts++;
            try
            {
                await Task.Delay(_options.RestartDelay, _timeProvider, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        var (first, last) = RecordedMetricsReader.ReadSnapshotRange(job.RecordedMetricsPath);
        return new DryRunJobOutcome(job.Job, exitCodes, restarts, job.RecordedMetricsPath, logPath, first, last);
    }
}
