using System.Text.Json;
using EdgeRisk.Release.Gates;
using EdgeRisk.Release.Prometheus;
using EdgeRisk.Release.Reporting;
using EdgeRisk.Testing.Services;
using Spectre.Console;

namespace EdgeRisk.Release.Tests.Gates;

public sealed class ReportingTests
{
    private static GateReport Report(IReadOnlyList<GateResult> gates, GateWindow window) =>
        new(GateReport.Combine(gates), window, gates, VarBacktest.NotComputable("no limit"), new EvidenceRecording(), 100m, null);

    [Fact]
    public async Task WriteAsync_FailingGate_GatesJsonHasExactShapeAndPngs()
    {
        var e = Evidence.Healthy(step: 60);
        e.Set("var_pct", t => t == e.At(3600), (_, _) => 99);
        var report = Report(e.All(), e.Window);
        using var dir = new TempDirectory("gates-report");
        var output = dir.Combine("gates");

        await GateReportWriter.WriteAsync(report, output);

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "gates.json")));
        var root = json.RootElement;
        Assert.Equal("FAIL", root.GetProperty("verdict").GetString());
        Assert.Equal("2026-11-18T12:00:00Z", root.GetProperty("window").GetProperty("start").GetString());
        var var = root.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "var");
        Assert.Equal(["name", "status", "value", "threshold", "detail"], var.EnumerateObject().Select(p => p.Name));
        Assert.Equal(99, var.GetProperty("value").GetDouble());
        Assert.Equal(95, var.GetProperty("threshold").GetDouble());
        Assert.True(File.Exists(Path.Combine(output, "evidence", "index.json")));
        Assert.Equal(5, Directory.GetFiles(output, "*.png").Length);
    }

    [Fact]
    public async Task WriteAsync_Rewrite_ReplacesWholeFolderAndLeavesNoTemporaries()
    {
        var e = Evidence.Healthy(step: 120);
        using var dir = new TempDirectory("gates-report");
        var output = dir.Combine("gates");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "stale.txt"), "from an older run");

        await GateReportWriter.WriteAsync(Report(e.All(), e.Window), output);

        Assert.False(File.Exists(Path.Combine(output, "stale.txt")));
        Assert.Equal(["gates"], Directory.GetDirectories(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_OutputUnderAFile_ThrowsAndWritesNothing()
    {
        var e = Evidence.Healthy(step: 120);
        using var dir = new TempDirectory("gates-report");
        var blocker = dir.Combine("file");
        await File.WriteAllTextAsync(blocker, "x");

        await Assert.ThrowsAnyAsync<IOException>(() => GateReportWriter.WriteAsync(Report(e.All(), e.Window), Path.Combine(blocker, "gates")));

        Assert.Equal(["file"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RunAsync_NotATerminal_PrintsPlainLinesThenTable()
    {
        var e = Evidence.Healthy(step: 120);
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });

        var report = await GateConsoleProgress.RunAsync(console, progress =>
        {
            progress.Report(new GateProgress("var_pct", 1, 2, false));
            progress.Report(new GateProgress("up", 2, 2, true));
            return Task.FromResult(Report(e.All(), e.Window));
        });
        GateTableRenderer.Render(console, report);

        var output = text.ToString();
        Assert.Contains("[gates] 1/2 var_pct ok", output);
        Assert.Contains("[gates] 2/2 up FAILED", output);
        Assert.Contains("rss_drift", output);
        Assert.Contains("PASS", output);
    }

    [Fact]
    public async Task EvaluateAsync_BothOrNeitherSource_ConfigurationError()
    {
        var evaluator = new GateEvaluator(TimeProvider.System);

        var error = await Assert.ThrowsAsync<GateConfigurationException>(() => evaluator.EvaluateAsync(new GateEvaluationOptions(), null, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<GateConfigurationException>(() =>
            evaluator.EvaluateAsync(new GateEvaluationOptions { EvidenceDirectory = "no-such-dir" }, null, CancellationToken.None));

        Assert.Contains("--prometheus-url", error.Message);
        Assert.Contains("no index.json", missing.Message);
    }
}
