using System.Diagnostics;

namespace EdgeRisk.Nuke.Tooling;

internal sealed class ToolProcess : IProcess
{
    private readonly Process process;
    private readonly TimeSpan? timeout;
    private readonly List<Output> output = [];
    private readonly Lock gate = new();
    private readonly LogSink? sink;

    public ToolProcess(ProcessStartInfo startInfo, TimeSpan? timeout, bool logOutput)
    {
        this.timeout = timeout;
        ToolName = Path.GetFileName(startInfo.FileName);
        sink = logOutput ? Log.Current : null;
        process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Receive(OutputType.Std, e.Data);
        process.ErrorDataReceived += (_, e) => Receive(OutputType.Err, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new ProcessException($"Could not start '{ToolName}': {exception.Message}. Is it installed and on PATH?", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string ToolName { get; }

    public int ExitCode => process.ExitCode;

    public IReadOnlyList<Output> Output
    {
        get
        {
            lock (gate)
            {
                return [.. output];
            }
        }
    }

    public IProcess AssertWaitForExit() => WaitForExitAsync().GetAwaiter().GetResult();

    public async Task<IProcess> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } span)
        {
            limit.CancelAfter(span);
        }

        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new ProcessException($"Process '{ToolName}' timed out after {timeout} and was killed.");
        }

        return this;
    }

    public IProcess AssertZeroExitCode()
    {
        AssertWaitForExit();
        return ExitCode == 0 ? this : throw new ProcessException($"Process '{ToolName}' exited with code {ExitCode}.");
    }

    public void Dispose() => process.Dispose();

    private void Receive(OutputType type, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.Add(new Output(type, line));
        }

        sink?.Write(LogLevel.Information, line);
    }
}
