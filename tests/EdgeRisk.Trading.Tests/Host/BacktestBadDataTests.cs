namespace EdgeRisk.Trading.Tests.Host;

/// <summary><c>edgerisk-trading backtest</c> over a copy of 2017-09-03 in which BTC's trade zip is unreadable, or has bad rows.</summary>
public sealed class BacktestBadDataTests
{
    [Theory]
    [InlineData(BadFileKind.Empty, "empty file (0 bytes)")]
    [InlineData(BadFileKind.NoEntry, "zip archive has no entry")]
    [InlineData(BadFileKind.Truncated, "zip archive is truncated")]
    [InlineData(BadFileKind.NotZip, "not a zip archive")]
    [InlineData(BadFileKind.TwoEntries, "zip archive has 2 entries")]
    [InlineData(BadFileKind.BreaksOffMidway, "zip data cannot be decompressed after line ")]
    public void Run_BadTradeFile_ExitsTwoWithOneLineNamingFileReasonAndFix(BadFileKind kind, string reason)
    {
        using var data = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(data.Path, kind);

        var (exitCode, output, error) = Run(["backtest", "--from", "2017-09-03", "--to", "2017-09-03", "--data", data.Path]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"edgerisk-trading: {bad}: {reason}", line, StringComparison.Ordinal);
        Assert.EndsWith("or pass --skip-bad-files to play without it", line, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public void Run_BadTradeFileWithOut_WritesNoOutputFiles()
    {
        using var data = new TempDirectory();
        using var results = new TempDirectory();
        BadDataFiles.DayWithBadBtcTrades(data.Path, BadFileKind.BreaksOffMidway);

        var (exitCode, _, _) = Run(["backtest", "--from", "2017-09-03", "--to", "2017-09-03", "--data", data.Path, "--out", results.Path]);

        Assert.Equal(2, exitCode);
        Assert.Empty(Directory.GetFiles(results.Path));
    }

    [Theory]
    [InlineData(BadFileKind.Empty, "empty", "empty file (0 bytes)")]
    [InlineData(BadFileKind.NoEntry, "no_entry", "zip archive has no entry")]
    [InlineData(BadFileKind.Truncated, "truncated", "zip archive is truncated")]
    [InlineData(BadFileKind.NotZip, "not_zip", "not a zip archive")]
    [InlineData(BadFileKind.TwoEntries, "multiple_entries", "zip archive has 2 entries")]
    public void Run_SkipBadFiles_WarnsNamingFileCountsItAndPlaysTheOtherFiles(BadFileKind kind, string label, string reason)
    {
        using var data = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(data.Path, kind);

        var (exitCode, output, error) = Run(["backtest", "--from", "2017-09-03", "--to", "2017-09-03", "--data", data.Path, "--skip-bad-files"]);

        Assert.Equal(0, exitCode);
        var warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"edgerisk-trading: warning: {bad}: {reason}", warning, StringComparison.Ordinal);
        Assert.EndsWith("; skipped (--skip-bad-files)", warning, StringComparison.Ordinal);
        Assert.Contains($"events {BadDataFiles.DayEvents - BadDataFiles.BtcTradeRows}, rejected 0, orders ", output, StringComparison.Ordinal);
        Assert.Contains($"\nskipped bad files 1: {label} 1 (first {bad})\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SkipBadFilesAndFileBreaksOffMidway_PlaysTheRowsBeforeTheBreakAndCountsIt()
    {
        using var data = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(data.Path, BadFileKind.BreaksOffMidway);

        var (exitCode, output, error) = Run(["backtest", "--from", "2017-09-03", "--to", "2017-09-03", "--data", data.Path, "--skip-bad-files"]);

        Assert.Equal(0, exitCode);
        Assert.Matches($@"^edgerisk-trading: warning: {System.Text.RegularExpressions.Regex.Escape(bad)}: zip data cannot be decompressed after line \d+; skipped", error);
        var events = long.Parse(System.Text.RegularExpressions.Regex.Match(output, @"events (\d+),").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // Some BTC trades before the break (the first 32 KiB of CSV hold several hundred rows), none after it.
        Assert.InRange(events, BadDataFiles.DayEvents - BadDataFiles.BtcTradeRows + 100, BadDataFiles.DayEvents - 100);
        Assert.Contains($"skipped bad files 1: corrupt 1 (first {bad})", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RowsRejected_PrintsEachReasonWithItsCountAndFirstFileLine()
    {
        using var data = new TempDirectory();
        BadDataFiles.CopyDay(data.Path);
        var btc = BadDataFiles.BtcTrades(data.Path);
        BadDataFiles.ReplaceLines(btc, new Dictionary<int, string>
        {
            [7] = "360000,abc,4579.1,4579.1,4579.1,0.1",
            [118] = "7020000,NaN,4579.1,4579.1,4579.1,0.1",
            [201] = "12000000,4579.1,4579.1,4579.1,Infinity,0.1",
            [302] = "18060000,4579.1",
        });

        var (exitCode, output, _) = Run(["backtest", "--from", "2017-09-03", "--to", "2017-09-03", "--data", data.Path]);

        Assert.Equal(0, exitCode);
        Assert.Contains($"events {BadDataFiles.DayEvents - 4}, rejected 4, orders ", output, StringComparison.Ordinal);
        Assert.Contains($"\nrejected 4: nan 2 (first {btc}:118), column_count 1 (first {btc}:302), non_numeric 1 (first {btc}:7)\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(string[] args)
    {
        var command = Assert.IsType<BacktestCommand>(CommandLineParser.Parse(args)) with { ConfigDirectory = TradingProcess.ConfigDirectory };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = BacktestApp.Run(command, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
