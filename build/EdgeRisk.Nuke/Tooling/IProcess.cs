namespace EdgeRisk.Nuke.Tooling;

/// <summary>A started process whose output is captured and relayed to the log of the target that started it.</summary>
public interface IProcess : IDisposable
{
    string ToolName { get; }

    /// <summary>The exit code; valid after the process exited.</summary>
    int ExitCode { get; }

    IReadOnlyList<Output> Output { get; }

    /// <summary>Waits for exit (bounded by the timeout); throws <see cref="ProcessException"/> on timeout.</summary>
    IProcess AssertWaitForExit();

    Task<IProcess> WaitForExitAsync(CancellationToken cancellationToken = default);

    /// <summary>Waits for exit and throws <see cref="ProcessException"/> unless the exit code is 0.</summary>
    IProcess AssertZeroExitCode();
}
