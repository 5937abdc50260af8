namespace EdgeRisk.Nuke.Execution;

/// <summary>Whole lines, for redirected output and CI logs (coloured only when <paramref name="colored"/>).</summary>
internal sealed class PlainDisplay(TextWriter writer, bool colored = false) : IBuildDisplay
{
    private readonly Lock gate = new();

    private List<string>? recorded = [];

    public bool IsColored => colored;

    /// <summary>The lines written so far (for the run log); recording stops with this call.</summary>
    public IReadOnlyList<string> TakeRecorded()
    {
        lock (gate)
        {
            var lines = recorded ?? [];
            recorded = null;
            return lines;
        }
    }

    public void WriteLine(string line)
    {
        lock (gate)
        {
            writer.WriteLine(line);
            recorded?.Add(line);
        }
    }

    public void TargetStarted(string name)
    {
    }

    public void TargetFinished(string name)
    {
    }

    public Task RunAsync(Func<Task> execution) => execution();
}
