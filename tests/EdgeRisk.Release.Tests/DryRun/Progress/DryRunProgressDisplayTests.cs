using EdgeRisk.Release.DryRun.Progress;
using Spectre.Console;

namespace EdgeRisk.Release.Tests.DryRun.Progress;

/// <summary>The terminal's live status of the dry run, rendered into a console backed by a StringWriter.</summary>
public sealed class DryRunProgressDisplayTests
{
    private static readonly DryRunProgress Thirteen = new(TimeSpan.FromMinutes(13 * 60 + 40), TimeSpan.FromHours(48), 5120, 37,
    [
        new DryRunGateProgress(GateNames.Continuity, GateStatus.Pass, 1),
        new DryRunGateProgress(GateNames.Var, GateStatus.Pass, 0.42),
        new DryRunGateProgress(GateNames.RssDrift, GateStatus.Fail, -3.5),
        new DryRunGateProgress(GateNames.PnlDrift, null, null),
    ]);

    [Fact]
    public void Render_GatesJudged_ShowsVirtualHourEventsFillsAndEachGate()
    {
        var output = Rendered(Thirteen, ansi: false);

        Assert.Contains("virtual hour 13/48", output, StringComparison.Ordinal);
        Assert.Contains(" 28%", output, StringComparison.Ordinal);
        Assert.Contains("5,120 events", output, StringComparison.Ordinal);
        Assert.Contains("37 fills", output, StringComparison.Ordinal);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.Contains("var", StringComparison.Ordinal) && l.Contains("PASS", StringComparison.Ordinal) && l.Contains("+0.42", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("rss_drift", StringComparison.Ordinal) && l.Contains("FAIL", StringComparison.Ordinal) && l.Contains("-3.5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("pnl_drift", StringComparison.Ordinal) && l.Contains("WAITING", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ColouredConsole_PaintsPassGreenFailRedWaitingGrey()
    {
        var output = Rendered(Thirteen, ansi: true);

        Assert.Contains("\e[32mPASS", output, StringComparison.Ordinal);
        Assert.Matches(@"\e\[9?1mFAIL", output);
        Assert.Contains("\e[90mWAITING", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ProgressReported_DisplaysTheLatestAndReturnsTheWorkResult()
    {
        var text = new StringWriter();
        var console = Console(text, ansi: true);
        var first = Thirteen with { Elapsed = TimeSpan.Zero, Events = 0, Fills = 0 };

        var result = await DryRunProgressDisplay.RunAsync(console, first, sink =>
        {
            sink.Report(Thirteen with { Elapsed = TimeSpan.FromHours(47), Events = 99_000 });
            return Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.Contains("virtual hour 47/48", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("99,000 events", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Supports_NoAnsi_False()
    {
        Assert.False(DryRunProgressDisplay.Supports(Console(new StringWriter(), ansi: false)));
        Assert.True(DryRunProgressDisplay.Supports(Console(new StringWriter(), ansi: true)));
    }

    /// <summary>What the display writes for <paramref name="progress"/> on a console with or without ANSI.</summary>
    private static string Rendered(DryRunProgress progress, bool ansi)
    {
        var text = new StringWriter();
        Console(text, ansi).Write(DryRunProgressDisplay.Render(progress));
        return text.ToString();
    }

    private static IAnsiConsole Console(TextWriter text, bool ansi) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
        ColorSystem = ansi ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
        Interactive = ansi ? InteractionSupport.Yes : InteractionSupport.No,
        Out = new AnsiConsoleOutput(text),
    });
}
