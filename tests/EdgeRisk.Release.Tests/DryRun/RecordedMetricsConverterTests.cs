using System.Diagnostics;

namespace EdgeRisk.Release.Tests.DryRun;

public sealed class RecordedMetricsConverterTests : IDisposable
{
    private const long S = RecordingBuilder.Start;
    private readonly TempDirectory _dir = new("dry-run-convert");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Convert_CrashGap_WritesUpZeroOnGridPointsWithoutSnapshot()
    {
        var file = new RecordingBuilder().Types().Snapshots(S, 3, _ => 40).Snapshots(S + 90, 2, _ => 40, processStart: S + 80)
            .Write(_dir.Combine("crypto.rec"));

        var result = Convert(new RecordedMetricsSource("edgerisk-crypto", file));

        var up = Lines(result).Where(l => l.StartsWith("up{", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            $"up{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\"}} 1 {S}",
            $"up{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\"}} 1 {S + 15}",
            $"up{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\"}} 1 {S + 30}",
            $"up{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\"}} 0 {S + 45}",
            $"up{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\"}} 0 {S + 60}",
            $"up{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\"}} 0 {S + 75}",
            $"up{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\"}} 1 {S + 90}",
            $"up{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\"}} 1 {S + 105}",
        ], up);
        var job = Assert.Single(result.Jobs);
        Assert.Equal((8, 3), (job.GridPoints, job.DownGridPoints));
    }

    [Fact]
    public void Convert_ExpectedDurationLongerThanRecording_ExtendsUpWithZeros()
    {
        var file = new RecordingBuilder().Snapshots(S, 2, _ => 40).Write(_dir.Combine("crypto.rec"));

        var result = Convert(new RecordedMetricsSource("edgerisk-crypto", file), TimeSpan.FromMinutes(1));

        Assert.Equal(new EvidenceWindow(DateTimeOffset.FromUnixTimeSeconds(S), DateTimeOffset.FromUnixTimeSeconds(S + 45)), result.Window);
        Assert.Equal(["1", "1", "0", "0"], Lines(result).Where(l => l.StartsWith("up{", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]));
    }

    [Fact]
    public void Convert_TruncatedLastLine_DropsTheWholeLastSnapshot()
    {
        var file = new RecordingBuilder().Snapshots(S, 2, _ => 40).Raw($"# snapshot {S + 30}\nvar_pct 41.5 {S + 30}00").Write(_dir.Combine("c.rec"));

        var result = Convert(new RecordedMetricsSource("edgerisk-crypto", file));

        var job = Assert.Single(result.Jobs);
        Assert.Equal((2, 1), (job.Snapshots, job.TruncatedSnapshots));
        Assert.DoesNotContain(Lines(result), l => l.EndsWith($" {S + 30}", StringComparison.Ordinal));
    }

    [Fact]
    public void Convert_RestartAppendedToCutLine_DropsTheCutSnapshotAndKeepsTheNewOne()
    {
        var file = new RecordingBuilder().Snapshots(S, 2, _ => 40).Raw($"# snapshot {S + 30}\nvar_pct 4")
            .Snapshot(S + 60, 50, processStart: S + 50).Write(_dir.Combine("c.rec"));

        var result = Convert(new RecordedMetricsSource("edgerisk-crypto", file));

        var job = Assert.Single(result.Jobs);
        Assert.Equal((3, 1), (job.Snapshots, job.TruncatedSnapshots));
        Assert.Contains($"var_pct{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\"}} 50 {S + 60}", Lines(result));
    }

    [Fact]
    public void Convert_SnapshotNotAfterThePreviousOne_IsDroppedSoSeriesStayInOrder()
    {
        var file = new RecordingBuilder().Snapshots(S, 3, _ => 40).Snapshot(S + 15, 99).Snapshot(S + 45, 41).Write(_dir.Combine("c.rec"));

        var job = Assert.Single(Convert(new RecordedMetricsSource("edgerisk-crypto", file)).Jobs);

        Assert.Equal((4, 1), (job.Snapshots, job.OutOfOrderSnapshots));
    }

    [Fact]
    public void Convert_Families_AreContiguousTypedAndNameCountersWithoutTotal()
    {
        var crypto = new RecordingBuilder().Types().Snapshots(S, 3, i => 40 + i).Write(_dir.Combine("crypto.rec"));
        var stocks = new RecordingBuilder().Snapshots(S, 3, i => 10 + i).Write(_dir.Combine("stocks.rec"));

        var lines = Lines(Convert(new RecordedMetricsSource("edgerisk-crypto", crypto), null, new RecordedMetricsSource("edgerisk-stocks", stocks)));

        Assert.Equal(
        [
            "# TYPE edgerisk_start_time_seconds gauge", "# TYPE orders counter", "# TYPE tick_to_decision_seconds histogram",
            "# TYPE up gauge", "# TYPE var_pct gauge",
        ], lines.Where(l => l.StartsWith("# TYPE", StringComparison.Ordinal)));
        Assert.Equal("# EOF", lines[^1]);
        var familyOfLine = lines.Take(lines.Count - 1).Select(l => l.StartsWith('#') ? l.Split(' ')[2] : Family(l)).ToList();
        var blocks = familyOfLine.Where((f, i) => i == 0 || familyOfLine[i - 1] != f).ToList();
        Assert.Equal(blocks.Distinct().Count(), blocks.Count);
        var btc = lines.Where(l => l.StartsWith("orders_total{job=\"edgerisk-crypto\"", StringComparison.Ordinal) && l.Contains("BTC", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, btc.Count);
        Assert.Equal(Enumerable.Range(0, 3).Select(i => (S + (i * 15)).ToString(System.Globalization.CultureInfo.InvariantCulture)), btc.Select(l => l.Split(' ')[^1]));
    }

    [Fact]
    public void Convert_MillisecondTimestamps_AreWrittenAsSeconds()
    {
        var file = new RecordingBuilder().Raw($"# snapshot {S}\nvar_pct 41.5 {S}250\npnl_usd{{symbol=\"BTC-USD\",book=\"paper\",job=\"x\"}} 12.5 {S}000\n")
            .Write(_dir.Combine("c.rec"));

        var lines = Lines(Convert(new RecordedMetricsSource("edgerisk-crypto", file)));

        Assert.Contains($"var_pct{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\"}} 41.5 {S}.250", lines);
        Assert.Contains($"pnl_usd{{job=\"edgerisk-crypto\",instance=\"edgerisk-crypto\",symbol=\"BTC-USD\",book=\"paper\",exported_job=\"x\"}} 12.5 {S}", lines);
    }

    [Fact]
    public void Convert_CorruptLineInTheMiddle_FailsNamingFileAndLine()
    {
        var file = new RecordingBuilder().Snapshot(S, 40).Raw("var_pct{oops 1\n").Snapshot(S + 15, 40).Write(_dir.Combine("c.rec"));

        var error = Assert.Throws<EvidenceInputException>(() => Convert(new RecordedMetricsSource("edgerisk-crypto", file)));

        Assert.Contains("c.rec:10:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_Output_IsBackfilledByPromtoolAtTheVirtualTimes()
    {
        var file = new RecordingBuilder().Types().Snapshots(S, 480, i => 40 + (i % 7)).Write(_dir.Combine("crypto.rec"));
        var result = Convert(new RecordedMetricsSource("edgerisk-crypto", file));
        var data = _dir.Combine("data");

        var (exitCode, output) = await RunAsync("promtool", "tsdb", "create-blocks-from", "openmetrics", result.OutputPath, data);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{S}000", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"{S}000000", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(ExecutableLocator.Find(tool)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Family(string line)
    {
        var name = line[..line.IndexOfAny(['{', ' '])];
        foreach (var suffix in (string[])["_total", "_bucket", "_sum", "_count"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private RecordedMetricsConversion Convert(RecordedMetricsSource source, TimeSpan? expected = null, RecordedMetricsSource? second = null) =>
        RecordedMetricsConverter.Convert(second is null ? [source] : [source, second], _dir.Combine("out", "metrics.om"),
            new RecordedMetricsConversionOptions { ExpectedDuration = expected });

    private static List<string> Lines(RecordedMetricsConversion result) => [.. File.ReadAllLines(result.OutputPath)];
}
