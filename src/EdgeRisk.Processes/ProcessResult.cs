namespace EdgeRisk.Processes;

/// <summary>The exit code and captured lines of a finished process.</summary>
public sealed record ProcessResult(string ToolName, int ExitCode, IReadOnlyList<OutputLine> Lines)
{
    public string StandardOutput => Join(OutputStream.Std);

    public string StandardError => Join(OutputStream.Err);

    /// <summary>Both streams in the order the lines arrived.</summary>
    public string Output => string.Concat(Lines.Select(line => line.Text + "\n"));

    /// <summary>The last non-empty lines joined with " | " (what the tool said last), or "(no output)".</summary>
    public string Tail(int count = 3) => ProcessRunner.Tail(Lines, count);

    /// <summary>Throws a one-line <see cref="ProcessException"/> naming the tool, its exit code and its last lines unless it exited 0.</summary>
    public ProcessResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new ProcessException($"'{ToolName}' failed (exit {ExitCode}): {Tail()}");

    private string Join(OutputStream stream) =>
        string.Concat(Lines.Where(line => line.Stream == stream).Select(line => line.Text + "\n"));
}
