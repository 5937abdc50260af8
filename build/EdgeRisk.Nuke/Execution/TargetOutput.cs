namespace EdgeRisk.Nuke.Execution;

/// <summary>
/// A target's output: buffered and written whole when the target ends while targets run in parallel
/// (live with verbosity Trace); written live when targets run one at a time. Under GitHub Actions the lines are folded
/// into a <c>::group::&lt;target&gt;</c> … <c>::endgroup::</c> log group, unless parallel targets write live (their lines interleave).
/// </summary>
internal sealed class TargetOutput
{
    private readonly List<string> buffer = [];
    private readonly Lock gate = new();
    private readonly IBuildDisplay display;
    private readonly bool buffered;
    private readonly bool grouped;

    public TargetOutput(string name, Verbosity verbosity, SecretMasker masker, IBuildDisplay display, bool parallel, bool gitHubActions = false)
    {
        this.display = display;
        buffered = parallel && verbosity != Verbosity.Trace;
        grouped = gitHubActions && (buffered || !parallel);
        Sink = new LogSink(masker, verbosity, name, Write, display.IsColored);
        if (grouped)
        {
            Write($"::group::{name}");
        }
    }

    public LogSink Sink { get; }

    public void Flush()
    {
        lock (gate)
        {
            if (grouped)
            {
                buffer.Add("::endgroup::");
            }

            // One block: two targets ending at the same moment must not interleave their lines.
            display.WriteLines(buffer);
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
