using EdgeRisk.Processes;

namespace EdgeRisk.Nuke.Tooling;

/// <summary>NUKE's <see cref="IProcess"/> over the project's process runner, relaying each line to the target's log.</summary>
internal sealed class ToolProcess : IProcess
{
    private readonly RunningProcess process;
    private ProcessResult? result;

    public ToolProcess(ProcessOptions options, bool logOutput)
    {
        var sink = logOutput ? Log.Current : null;
        process = ProcessRunner.Start(sink is null ? options : options with { OnLine = line => sink.Write(LogLevel.Information, line.Text) });
    }

    public string ToolName => process.ToolName;

    public int ExitCode => (result ?? throw new InvalidOperationException($"Process '{ToolName}' has not exited yet.")).ExitCode;

    public IReadOnlyList<Output> Output =>
        [.. (result?.Lines ?? process.Lines).Select(line => new Output(line.Stream == OutputStream.Err ? OutputType.Err : OutputType.Std, line.Text))];

    public IProcess AssertWaitForExit() => WaitForExitAsync().GetAwaiter().GetResult();

    public async Task<IProcess> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        result = await process.WaitAsync(cancellationToken);
        return this;
    }

    public IProcess AssertZeroExitCode()
    {
        AssertWaitForExit();
        return ExitCode == 0 ? this : throw new ProcessException($"Process '{ToolName}' exited with code {ExitCode}.");
    }

    public void Dispose() => process.Dispose();
}
