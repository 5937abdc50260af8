using System.Globalization;

namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>
/// Runs the health watchdog next to the dry run and supervises it: output to <see cref="HealthcheckLoopOptions.LogPath"/>,
/// started again <see cref="HealthcheckLoopOptions.RestartDelay"/> after it exits, and stopped (the script and its
/// children, SIGKILL) by <see cref="StopAsync"/> — which the dry run always calls, whatever ends it.
/// </summary>
public sealed class HealthcheckLoop : IAsyncDisposable
{
    private readonly HealthcheckLoopOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Action<string>? _onWarning;
    private readonly List<int> _pids = [];
    private readonly List<int> _exitCodes = [];
    private LoggedProcess? _process;
    private DateTimeOffset? _restartAt;
    private bool _stopped;

    public HealthcheckLoop(HealthcheckLoopOptions options, TimeProvider timeProvider, Action<string>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
        _onWarning = onWarning;
    }

    /// <summary>True while a run of the watchdog is alive.</summary>
    public bool IsRunning => _process is { HasExited: false };

    public HealthcheckLoopOutcome Outcome => new(_options.LogPath, [.. _pids], [.. _exitCodes], _stopped);

    public void Start()
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        if (IsRunning)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_options.LogPath))!);
        Note($"start {_pids.Count + 1}: {_options.FileName} {string.Join(' ', _options.Arguments)}");
        _process = LoggedProcess.Start(_options.FileName, _options.Arguments, _options.LogPath, _options.WorkingDirectory, _options.Environment);
        _pids.Add(_process.Pid);
        _restartAt = null;
    }

    /// <summary>Notes an exit of the watchdog and starts it again once the restart delay has passed on the clock.</summary>
    public void Supervise()
    {
        if (_stopped || _process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            return;
        }

        if (_restartAt is null)
        {
            var code = _process.ExitCode;
            _exitCodes.Add(code);
            _restartAt = _timeProvider.GetUtcNow() + _options.RestartDelay;
            Note($"exited with code {code}");
            _onWarning?.Invoke(
                $"Health watchdog exited with code {code.ToString(CultureInfo.InvariantCulture)} (a failed check pages PagerDuty); see {_options.LogPath}. Restarting it at {_restartAt:u}.");
        }

        if (_timeProvider.GetUtcNow() >= _restartAt)
        {
            _process.Dispose();
            _process = null;
            Start();
        }
    }

    /// <summary>Stops the running watchdog (and the children it waits on); later calls do nothing.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            await _process.KillAsync();
            Note("stopped by the dry run");
        }
        else if (_restartAt is null)
        {
            _exitCodes.Add(_process.ExitCode);
        }

        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Note(string line)
    {
        try
        {
            File.AppendAllText(_options.LogPath, $"# {_timeProvider.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} healthcheck {line}\n");
        }
        catch (IOException)
        {
            // the watchdog's own lines are what matters; a note that cannot be written is not a reason to stop
        }
    }
}
