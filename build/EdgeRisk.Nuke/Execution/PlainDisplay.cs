namespace EdgeRisk.Nuke.Execution;

/// <summary>Whole lines, for redirected output and CI logs (coloured only when <paramref name="colored"/>).</summary>
internal sealed class PlainDisplay(TextWriter writer, bool colored = false) : IBuildDisplay
{
    private readonly Lock gate = new();

    private List<string>? recorded = [];

    private Action<string>? diverted;

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

    public void WriteLine(string line) => WriteLines([line]);

    public void WriteLines(IReadOnlyList<string> lines)
    {
        lock (gate)
        {
            foreach (var line in lines)
            {
                if (diverted is { } divert)
                {
                    divert(line);
                }
                else
                {
                    writer.WriteLine(line);
                }

                recorded?.Add(line);
            }
        }
    }

    /// <summary>Until disposed, lines go to <paramref name="writeLine"/> instead (a live display's console, which keeps them above it).</summary>
    public IDisposable Divert(Action<string> writeLine)
    {
        lock (gate)
        {
            diverted = writeLine;
        }

        return new Undivert(this);
    }

    private sealed class Undivert(PlainDisplay display) : IDisposable
    {
        public void Dispose()
        {
            lock (display.gate)
            {
                display.diverted = null;
            }
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
