using Spectre.Console;

namespace EdgeRisk.Release.DryRun.Progress;

/// <summary>
/// Shows the dry run's progress while its processes run: on a console that redraws in place the live display
/// (<see cref="DryRunProgressDisplay"/>), its last state written as one line when the run ends; otherwise (CI,
/// redirected output, or no console to hold) the plain line every <c>every</c> of virtual time.
/// </summary>
public static class DryRunProgressReporter
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);

    /// <param name="console">The terminal's console, or null when it may not be used for a live display.</param>
    /// <param name="writeLine">Where plain lines go (the build log).</param>
    public static async Task<DryRunProgress> RunAsync(IAnsiConsole? console, DryRunProgressSource source, Task run, TimeSpan every,
        Action<string> writeLine, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(writeLine);
        if (console is null || !DryRunProgressDisplay.Supports(console))
        {
            return await source.ReportAsync(new DryRunProgressLines(writeLine, every), run, RefreshInterval, timeProvider, cancellationToken);
        }

        var last = await DryRunProgressDisplay.RunAsync(console, source.Read(writersExited: false),
            display => source.ReportAsync(display, run, RefreshInterval, timeProvider, cancellationToken));
        writeLine(last.Line());
        return last;
    }
}
