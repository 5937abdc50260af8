using EdgeRisk.Evidence.Gates;
using Spectre.Console;

namespace EdgeRisk.Evidence.Reporting;

/// <summary>Shows fetch progress: a live progress bar on an interactive terminal, plain lines otherwise (CI logs).</summary>
public static class GateConsoleProgress
{
    public static async Task<GateReport> RunAsync(IAnsiConsole console, Func<IProgress<GateProgress>, Task<GateReport>> evaluate)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(evaluate);
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Capabilities.Ansi)
        {
            return await evaluate(new Progress(p => console.WriteLine(Line(p))));
        }

        return await console.Progress().AutoClear(false).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("fetching gate evidence");
            return await evaluate(new Progress(p =>
            {
                task.MaxValue = p.Total;
                task.Value = p.Completed;
                task.Description = Spectre.Console.Markup.Escape(p.Step) + (p.Failed ? " [red](failed)[/]" : string.Empty);
            }));
        });
    }

    public static string Line(GateProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return $"[gates] {progress.Completed}/{progress.Total} {progress.Step}{(progress.Failed ? " FAILED" : " ok")}";
    }

    // Synchronous, unlike System.Progress<T>, so lines appear in order and before the table.
    private sealed class Progress(Action<GateProgress> report) : IProgress<GateProgress>
    {
        private readonly Lock _lock = new();

        public void Report(GateProgress value)
        {
            lock (_lock)
            {
                report(value);
            }
        }
    }
}
