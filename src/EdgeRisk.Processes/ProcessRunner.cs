using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace EdgeRisk.Processes;

/// <summary>
/// The project's one process runner: an argument list (no shell), working directory, extra or unset environment, both streams
/// captured line by line, a time limit and cancellation that kill the whole process tree, and one-line errors naming the
/// tool (never its arguments, which may carry secrets).
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs to completion and returns the result whatever the exit code.</summary>
    /// <exception cref="ProcessException">The tool could not be started.</exception>
    /// <exception cref="ProcessException">Or, with <see cref="ProcessException.TimedOut"/>, it ran past <see cref="ProcessOptions.Timeout"/> and was killed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the process tree was killed.</exception>
    public static async Task<ProcessResult> RunAsync(ProcessOptions options, CancellationToken cancellationToken = default)
    {
        using var process = Start(options);
        return await process.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs like <see cref="RunAsync(ProcessOptions, CancellationToken)"/>, but a tool that cannot be started or times out
    /// throws what <paramref name="error"/> makes of the <see cref="ProcessException"/>: the caller's own one-line error.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(ProcessOptions options, Func<ProcessException, Exception> error,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await RunAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessException e)
        {
            throw error(e);
        }
    }

    /// <summary>Starts without waiting, for callers that run several at once or wait synchronously.</summary>
    public static RunningProcess Start(ProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RunningProcess(options);
    }

    internal static string Tail(IReadOnlyList<OutputLine> lines, int count)
    {
        var tail = lines.Select(line => line.Text.Trim()).Where(text => text.Length > 0).TakeLast(count).ToList();
        return tail.Count == 0 ? "(no output)" : string.Join(" | ", tail);
    }
}

/// <summary>A started process; dispose it after waiting.</summary>
public sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly ProcessOptions _options;
    private readonly List<OutputLine> _lines = [];
    private readonly Lock _gate = new();
    private int _captured;

    internal RunningProcess(ProcessOptions options)
    {
        _options = options;
        var info = new ProcessStartInfo(options.FileName)
        {
            WorkingDirectory = options.WorkingDirectory ?? System.Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in options.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in options.UnsetEnvironment)
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in options.Environment)
        {
            info.Environment[name] = value;
        }

        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Receive(OutputStream.Std, e.Data);
        _process.ErrorDataReceived += (_, e) => Receive(OutputStream.Err, e.Data);
        try
        {
            _process.Start();
        }
        catch (Win32Exception e)
        {
            _process.Dispose();
            throw new ProcessException($"Could not start '{options.ToolName}': {e.Message}; {options.MissingHint}", e);
        }

        // Nothing is ever typed in: a tool that asks fails instead of waiting.
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string ToolName => _options.ToolName;

    public int Id => _process.Id;

    /// <summary>The lines captured so far.</summary>
    public IReadOnlyList<OutputLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits for exit (bounded by the time limit) with both streams drained.</summary>
    public async Task<ProcessResult> WaitAsync(CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.Timeout is { } timeout)
        {
            limit.CancelAfter(timeout);
        }

        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var last = ProcessRunner.Tail(Lines, 3);
            var seconds = _options.Timeout!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw new ProcessException($"Process '{ToolName}' timed out after {seconds} s and was killed; its last output: {last}") { TimedOut = true, LastOutput = last };
        }

        // The parameterless wait drains the redirected streams.
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return new ProcessResult(ToolName, _process.ExitCode, Lines);
    }

    public void Dispose() => _process.Dispose();

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }
    }

    private void Receive(OutputStream stream, string? text)
    {
        if (text is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_captured < _options.MaxCapturedChars)
            {
                _lines.Add(new OutputLine(stream, text));
                _captured += text.Length + 1;
            }
        }

        _options.OnLine?.Invoke(new OutputLine(stream, text));
    }
}
