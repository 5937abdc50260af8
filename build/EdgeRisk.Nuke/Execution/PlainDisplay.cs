namespace EdgeRisk.Nuke.Execution;

/// <summary>Plain lines, for redirected output and CI logs.</summary>
internal sealed class PlainDisplay(TextWriter writer) : IBuildDisplay
{
    private readonly Lock gate = new();

    public void WriteLine(string line)
    {
        lock (gate)
        {
            writer.WriteLine(line);
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
