using EdgeRisk.Testing;
using Spectre.Console;

namespace EdgeRisk.Release.Tests.Gates;

public sealed class ReportingTests : IDisposable
{
    private readonly TempDirectory _dir = new("gates-report");
    private readonly string _output;

    public ReportingTests() => _output = _dir.Combine("gates");

    public void Dispose() => _dir.Dispose();

    private static GateReport Report(Evidence evidence)
    {
        var gates = evidence.All();
        return new(GateReport.Combine(gates), evidence.Window, gates, VarBacktest.NotComputable("no limit"), new EvidenceRecording(), 100m, null);
    }

    /// <summary>The report of a healthy run (2-minute steps): verdict PASS.</summary>
    private static GateReport HealthyReport() => Report(Evidence.Healthy(step: 120));

    /// <summary>A previous report whose VaR gate failed (var_pct 99 at the first hour): verdict FAIL.</summary>
    private static Task WriteVarFailingReportAsync(string output)
    {
        var failing = Evidence.Healthy(step: 120);
        failing.Set("var_pct", t => t == failing.At(3600), (_, _) => 99);
        return GateReportWriter.WriteAsync(Report(failing), output);
    }

    [Fact]
    public async Task WriteAsync_FailingGate_GatesJsonHasExactShapeAndPngs()
    {
        var e = Evidence.Healthy(step: 60);
        e.Set("var_pct", t => t == e.At(3600), (_, _) => 99);
        var report = Report(e);

        await GateReportWriter.WriteAsync(report, _output);

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_output, "gates.json")));
        var root = json.RootElement;
        Assert.Equal("FAIL", root.GetProperty("verdict").GetString());
        Assert.Equal("2026-11-18T12:00:00Z", root.GetProperty("window").GetProperty("start").GetString());
        var var = root.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "var");
        Assert.Equal(["name", "status", "value", "threshold", "detail", "settings"], var.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["path", "sha256", "profile"], root.GetProperty("gatesFile").EnumerateObject().Select(p => p.Name));
        Assert.Equal(99, var.GetProperty("value").GetDouble());
        Assert.Equal(95, var.GetProperty("threshold").GetDouble());
        Assert.True(File.Exists(Path.Combine(_output, "evidence", "index.json")));
        Assert.Equal(5, Directory.GetFiles(_output, "*.png").Length);
    }

    [Fact]
    public async Task WriteAsync_RewriteIntoItsOwnFolder_ReplacesOnlyWhatItWroteAndLeavesNoTemporaries()
    {
        await WriteVarFailingReportAsync(_output);
        await File.WriteAllTextAsync(Path.Combine(_output, "notes.txt"), "the release manager's notes");

        await GateReportWriter.WriteAsync(HealthyReport(), _output);

        Assert.Equal("PASS", Verdict(_output));
        Assert.Equal("the release manager's notes", await File.ReadAllTextAsync(Path.Combine(_output, "notes.txt")));
        Assert.Equal(["gates"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName));
        Assert.Equal([".edgerisk-gates", "alerts.png", "continuity.png", "evidence", "gates.json", "notes.txt", "pnl_drift.png", "report.md", "rss_drift.png", "var.png"],
            Directory.GetFileSystemEntries(_output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_NonEmptyFolderItDidNotWrite_RefusesNamingTheFolderAndDeletesNothing()
    {
        var clone = _dir.Combine("clone");
        Directory.CreateDirectory(Path.Combine(clone, "src"));
        await File.WriteAllTextAsync(Path.Combine(clone, "README.md"), "# a repository");
        await File.WriteAllTextAsync(Path.Combine(clone, "src", "Program.cs"), "class Program;");

        var error = await Assert.ThrowsAsync<GateConfigurationException>(() => GateReportWriter.WriteAsync(HealthyReport(), clone));

        Assert.Contains(clone, error.Message, StringComparison.Ordinal);
        Assert.Contains("is not empty and holds no report written by this tool", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(["README.md", "src"], Directory.GetFileSystemEntries(clone).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("class Program;", await File.ReadAllTextAsync(Path.Combine(clone, "src", "Program.cs")));
        Assert.Equal(["clone"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_ReportWrittenBeforeTheMarkerExisted_IsRecognisedAndReplaced()
    {
        Directory.CreateDirectory(Path.Combine(_output, "evidence"));
        await File.WriteAllTextAsync(Path.Combine(_output, "gates.json"), """{"verdict":"FAIL"}""");
        await File.WriteAllTextAsync(Path.Combine(_output, "report.md"), "old");
        await File.WriteAllTextAsync(Path.Combine(_output, "var.png"), "old");
        await File.WriteAllTextAsync(Path.Combine(_output, "evidence", "q0001-old.json"), "{}");

        Assert.Null(GateReportWriter.OutputProblem(_output));
        await GateReportWriter.WriteAsync(HealthyReport(), _output);

        Assert.Equal("PASS", Verdict(_output));
        Assert.False(File.Exists(Path.Combine(_output, "evidence", "q0001-old.json")));
        Assert.True(File.Exists(Path.Combine(_output, GateReportWriter.MarkerFileName)));
    }

    [Fact]
    public async Task WriteAsync_LeftoversOfAWriteKilledBeforeItsMarker_AreRemovedAndTheReportWritten()
    {
        Directory.CreateDirectory(Path.Combine(_output, ".edgerisk-gates.staging-0123", "evidence"));
        await File.WriteAllTextAsync(Path.Combine(_output, ".edgerisk-gates.staging-0123", "gates.json"), "{\"verd");

        await GateReportWriter.WriteAsync(HealthyReport(), _output);

        Assert.Equal("PASS", Verdict(_output));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_output), p => Path.GetFileName(p).StartsWith(".edgerisk-gates.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_SwapMeetsAnEntryItDidNotWrite_RollsBackToThePreviousReport()
    {
        await WriteVarFailingReportAsync(_output);
        // As if the plots were someone else's: not in the marker, so not the writer's to replace, yet in the new report's way.
        await File.WriteAllLinesAsync(Path.Combine(_output, GateReportWriter.MarkerFileName), ["evidence", "gates.json", "report.md"]);
        var before = Snapshot(_output);

        var error = await Assert.ThrowsAsync<IOException>(() => GateReportWriter.WriteAsync(HealthyReport(), _output));

        Assert.Contains(_output, error.Message, StringComparison.Ordinal);
        Assert.Equal("FAIL", Verdict(_output));
        Assert.Equal(before, Snapshot(_output));
    }

    [RootFact]
    public async Task WriteAsync_DiskFullWhileWriting_FailsNamingTheFolderAndKeepsThePreviousReport()
    {
        using var disk = new SmallDisk(kilobytes: 2048);
        var output = disk.Combine("gates");
        await WriteVarFailingReportAsync(output);
        var before = Snapshot(output);
        // Room for gates.json and report.md, not for the plots.
        disk.Fill(leaveKilobytes: 24);

        var error = await Assert.ThrowsAsync<IOException>(() => GateReportWriter.WriteAsync(HealthyReport(), output));

        Assert.Contains(output, error.Message, StringComparison.Ordinal);
        Assert.Contains("previous report there is unchanged", error.Message, StringComparison.Ordinal);
        Assert.Equal("FAIL", Verdict(output));
        Assert.Equal(before, Snapshot(output));
        Assert.Equal([".filler", "gates"], Directory.GetFileSystemEntries(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static string Verdict(string output)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "gates.json")));
        return json.RootElement.GetProperty("verdict").GetString()!;
    }

    /// <summary>Every file under <paramref name="folder"/> with its length and content hash: equal snapshots, same files.</summary>
    private static List<string> Snapshot(string folder) =>
    [
        .. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(path =>
            Directory.Exists(path)
                ? Path.GetRelativePath(folder, path) + "/"
                : $"{Path.GetRelativePath(folder, path)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))}"),
    ];

    [Fact]
    public async Task WriteAsync_OutputUnderAFile_ThrowsAndWritesNothing()
    {
        var blocker = _dir.Combine("file");
        await File.WriteAllTextAsync(blocker, "x");

        await Assert.ThrowsAnyAsync<IOException>(() => GateReportWriter.WriteAsync(HealthyReport(), Path.Combine(blocker, "gates")));

        Assert.Equal(["file"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_VersionCommitAndGrafana_HeaderNamesThemAndPlotsAreEmbedded()
    {
        var e = Evidence.Healthy(step: 120);
        var options = new GateReportOptions
        {
            Version = "v0.4.0",
            Commit = "abc123def4567890",
            GrafanaUrl = new Uri("https://grafana.example.com/"),
            DashboardUid = "edgerisk-edge-risk",
        };

        await GateReportWriter.WriteAsync(Report(e), _output, options);

        var report = await File.ReadAllTextAsync(Path.Combine(_output, "report.md"));
        Assert.Contains("- Release: v0.4.0", report, StringComparison.Ordinal);
        Assert.Contains("- Commit: abc123def4567890", report, StringComparison.Ordinal);
        Assert.Contains("- Window: 2026-11-18T12:00:00Z → 2026-11-20T12:00:00Z", report, StringComparison.Ordinal);
        Assert.Contains("- Verdict: **PASS**", report, StringComparison.Ordinal);
        Assert.Contains(
            $"- Grafana: [Edge-Risk dashboard for this window](https://grafana.example.com/d/edgerisk-edge-risk?from={e.Window.Start.ToUnixTimeMilliseconds()}&to={e.Window.End.ToUnixTimeMilliseconds()})",
            report, StringComparison.Ordinal);
        foreach (var gate in GateNames.All)
        {
            Assert.Contains($"![{gate}]({gate}.png)", report, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_output, gate + ".png")));
        }
    }

    [Fact]
    public async Task WriteAsync_NoGrafanaNoVersion_HeaderSaysNotConfiguredAndUnknown()
    {
        await GateReportWriter.WriteAsync(HealthyReport(), _output, new GateReportOptions());

        var report = await File.ReadAllTextAsync(Path.Combine(_output, "report.md"));
        Assert.Contains("- Release: unknown", report, StringComparison.Ordinal);
        Assert.Contains("- Commit: unknown", report, StringComparison.Ordinal);
        Assert.Contains("- Grafana: not configured", report, StringComparison.Ordinal);
        Assert.DoesNotContain("/d/", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotATerminal_PrintsPlainLinesThenTable()
    {
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
            return Task.FromResult(HealthyReport());
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
