using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace EdgeRisk.Nuke.Tests;

/// <summary>A target's own live display: the terminal's console is lent only when no other display holds it, and build output goes through it meanwhile.</summary>
public sealed class LiveConsoleTests
{
    [Fact]
    public async Task WithLiveConsoleAsync_Terminal_LendsTheConsoleAndLinesGoThroughItAndToTheRunLog()
    {
        using var root = new TempRoot();
        var console = new StringWriter();
        var output = new StringWriter();
        var build = new LiveConsoleBuild();

        var result = await NukeBuild.RunAsync(build, ["Show"], Options(root, output, console, terminal: true));

        Assert.Equal(TargetStatus.Succeeded, result.Targets.Single().Status);
        Assert.True(build.HadConsole);
        Assert.Contains("[Show] while the display runs", console.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("while the display runs", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("[Show] after the display", output.ToString(), StringComparison.Ordinal);
        var log = (root.Path / "artifacts" / "logs" / "20260101-000000-Show.log").ReadAllText();
        Assert.Contains("[Show] while the display runs", log, StringComparison.Ordinal);
        Assert.Contains("[Show] after the display", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task WithLiveConsoleAsync_RedirectedOrParallel_NoConsoleAndLinesStayPlain(bool terminal, int parallel)
    {
        using var root = new TempRoot();
        var console = new StringWriter();
        var output = new StringWriter();
        var build = new LiveConsoleBuild();

        await NukeBuild.RunAsync(build, ["Show", $"--parallel={parallel}"], Options(root, output, console, terminal));

        Assert.False(build.HadConsole);
        // Redirected: plain output; parallel: the targets' live display on the console, the line written when the target ends.
        Assert.Contains("[Show] while the display runs", (terminal ? console : output).ToString(), StringComparison.Ordinal);
    }

    private static BuildOptions Options(TempRoot root, StringWriter output, StringWriter console, bool terminal) => new()
    {
        RootDirectory = root.Path,
        Output = output,
        TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        CodeFingerprint = "code-v1",
        IsTerminal = terminal,
        TerminalConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(console),
        }),
    };

    private sealed class LiveConsoleBuild : NukeBuild
    {
        public bool HadConsole { get; private set; }

        public Target Show => _ => _.Executes(async () =>
        {
            HadConsole = await WithLiveConsoleAsync(console =>
            {
                Log.Information("while the display runs");
                return Task.FromResult(console is not null);
            });
            Log.Information("after the display");
        });
    }
}
