namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// A target's output: buffered and written whole when the target ends while targets run in parallel
/// (live with verbosity Trace); written live when targets run one at a time.
/// </summary>
internal sealed class TargetOutput
{
    private readonly List<string> buffer = [];
    private readonly Lock gate = new();
    private readonly IBuildDisplay display;
    private readonly bool buffered;

    public TargetOutput(string name, Verbosity verbosity, SecretMasker masker, IBuildDisplay display, bool parallel)
    {
        this.display = display;
        buffered = parallel && verbosity != Verbosity.Trace;
        Sink = new LogSink(masker, verbosity, name, Write);
    }

    public LogSink Sink { get; }

    public void Flush()
    {
        lock (gate)
        {
            foreach (var line in buffer)
            {
                display.WriteLine(line);
            }

            buffer.Clear();
        }
    }

    private void Write(string line)
    {
        if (!buffered)
        {
            display.WriteLine(line);
            return;
        }

        lock (gate)
        {
            buffer.Add(line);
        }
    }
}
