using Spectre.Console;

namespace EdgeRisk.Nuke.Execution;

/// <summary>A Spectre.Console progress display of running targets with elapsed time; finished output scrolls above it.</summary>
internal sealed class LiveDisplay(IAnsiConsole console) : IBuildDisplay
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ProgressTask> running = [];
    private ProgressContext? context;

    public void WriteLine(string line) => WriteLines([line]);

    public void WriteLines(IReadOnlyList<string> lines)
    {
        lock (gate)
        {
            foreach (var line in lines)
            {
                console.WriteLine(line, Style.Plain);
            }
        }
    }

    public void TargetStarted(string name)
    {
        lock (gate)
        {
            if (context is not null)
            {
                running[name] = context.AddTask(Markup.Escape(name), maxValue: 1).IsIndeterminate();
            }
        }
    }

    public void TargetFinished(string name)
    {
        lock (gate)
        {
            if (running.Remove(name, out var task))
            {
                task.StopTask();
            }
        }
    }

    public Task RunAsync(Func<Task> execution) =>
        console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                lock (gate)
                {
                    context = progress;
                }

                await execution();
            });
}
