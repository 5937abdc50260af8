using System.Globalization;
using EdgeRisk.Evidence.Gates;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EdgeRisk.Release.DryRun.Progress;

/// <summary>
/// The status of the dry run on an interactive terminal: a Spectre live display of one bar, "virtual hour 13/48" with the
/// events and fills so far, over a small table of each live gate's status and margin. It is redrawn in place at every
/// report and cleared when the run ends (the caller logs the final line). Only one live display may hold a console.
/// </summary>
public sealed class DryRunProgressDisplay : IDryRunProgressSink
{
    private const int BarWidth = 32;
    private readonly Lock _gate = new();
    private LiveDisplayContext? _context;

    private DryRunProgressDisplay()
    {
    }

    /// <summary>Whether <paramref name="console"/> can redraw in place (ANSI cursor control); if not, report with <see cref="DryRunProgressLines"/>.</summary>
    public static bool Supports(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.Profile.Capabilities.Ansi;
    }

    /// <summary>Runs <paramref name="work"/> with the live display shown on <paramref name="console"/>, starting at <paramref name="initial"/>.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, DryRunProgress initial, Func<IDryRunProgressSink, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(work);
        var display = new DryRunProgressDisplay();
        return console.Live(Render(initial))
            .AutoClear(true)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                lock (display._gate)
                {
                    display._context = context;
                }

                try
                {
                    return await work(display);
                }
                finally
                {
                    lock (display._gate)
                    {
                        display._context = null;
                    }
                }
            });
    }

    public void Report(DryRunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_gate)
        {
            _context?.UpdateTarget(Render(progress));
        }
    }

    /// <summary>What the display shows for <paramref name="progress"/>.</summary>
    public static IRenderable Render(DryRunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var share = progress.Total > TimeSpan.Zero ? Math.Clamp(progress.Elapsed / progress.Total, 0, 1) : 0;
        var filled = (int)Math.Round(share * BarWidth);
        var header = new Markup(string.Create(CultureInfo.InvariantCulture,
            $"[bold]dry run[/] virtual hour {progress.Hour}/{progress.TotalHours} [green]{new string('━', filled)}[/][grey]{new string('━', BarWidth - filled)}[/] {share * 100,3:0}%   {progress.Events:N0} events   {progress.Fills:N0} fills"));
        if (progress.Gates.Count == 0)
        {
            return new Rows(header, new Markup("[grey]gates not judged live[/]"));
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("gate").AddColumn("status").AddColumn(new TableColumn("margin").RightAligned());
        foreach (var gate in progress.Gates)
        {
            table.AddRow(Markup.Escape(gate.Name), Colored(gate), Markup.Escape(gate.MarginText));
        }

        return new Rows(header, table);
    }

    private static string Colored(DryRunGateProgress gate) => gate.Status switch
    {
        null => $"[grey]{gate.StatusText}[/]",
        GateStatus.Pass => $"[green]{gate.StatusText}[/]",
        GateStatus.Fail => $"[red]{gate.StatusText}[/]",
        _ => $"[yellow]{gate.StatusText}[/]",
    };
}
