using CsCheck;

namespace EdgeRisk.Trading.Tests.Host;

public sealed class CommandLineParserTests
{
    private static readonly string Data = TradingProcess.DataDirectory;

    [Fact]
    public void Parse_FullLiveCommandLine_SetsEveryOption()
    {
        var command = Assert.IsType<LiveCommand>(CommandLineParser.Parse(
        [
            "live", "--profile", "local", "--symbols", "BTC-USD,ETH-USD", "--speed", "2880", "--duration", "48h",
            "--metrics-port", "9464", "--redis", "127.0.0.1:6379", "--data", Data, "--window", "2017-09-03",
            "--record-metrics", "out.prom", "--record-interval", "15s", "--seed", "7", "--job", "edgerisk-crypto", "--crash-at", "10h", "--journal", "fresh",
        ]));
        var o = command.Options;
        Assert.Equal(Profile.Local, o.Profile);
        Assert.Equal(["BTC-USD", "ETH-USD"], o.Symbols);
        Assert.Equal(2880d, o.Speed);
        Assert.Equal(TimeSpan.FromHours(48), o.Duration);
        Assert.Equal(new DateOnly(2017, 9, 3), o.Window);
        Assert.Equal(TimeSpan.FromSeconds(15), o.RecordInterval);
        Assert.Equal(TimeSpan.FromHours(10), o.CrashAt);
        Assert.Equal(7, o.Seed);
        Assert.Equal("edgerisk-crypto", o.EffectiveJob);
        Assert.True(o.FreshJournal);
    }

    [Fact]
    public void Parse_SkipBadFiles_IsASwitchOfLiveBacktestAndSimStats()
    {
        var live = Assert.IsType<LiveCommand>(CommandLineParser.Parse(["live", "--skip-bad-files", "--data", Data]));
        var backtest = Assert.IsType<BacktestCommand>(CommandLineParser.Parse(["backtest", "--from", "2017-09-03", "--skip-bad-files", "--to", "2017-09-04", "--data", Data]));
        var simStats = Assert.IsType<SimStatsCommand>(CommandLineParser.Parse(["sim-stats", "--data", Data, "--out", "s.json", "--skip-bad-files"]));
        var strict = Assert.IsType<BacktestCommand>(CommandLineParser.Parse(["backtest", "--from", "2017-09-03", "--to", "2017-09-04", "--data", Data]));

        Assert.True(live.Options.SkipBadFiles);
        Assert.True(backtest.SkipBadFiles);
        Assert.Equal(new DateOnly(2017, 9, 4), backtest.To);
        Assert.True(simStats.SkipBadFiles);
        Assert.False(strict.SkipBadFiles);
        Assert.False(new LiveOptions().SkipBadFiles);
    }

    [Fact]
    public void Parse_SpeedMax_IsUnpaced()
    {
        var command = Assert.IsType<LiveCommand>(CommandLineParser.Parse(["live", "--speed", "max", "--data", Data]));
        Assert.True(command.Options.IsMaxSpeed);
    }

    [Fact]
    public void Parse_NvdaSymbols_DefaultsToStocksJob()
    {
        var command = Assert.IsType<LiveCommand>(CommandLineParser.Parse(["live", "--symbols", "NVDA"]));
        Assert.Equal("edgerisk-stocks", command.Options.EffectiveJob);
    }

    [Theory]
    [InlineData("--speed", "0", "--speed must be in (0, 1000000]")]
    [InlineData("--speed", "-3", "--speed must be in (0, 1000000]")]
    [InlineData("--speed", "fast", "--speed: 'fast' is not")]
    [InlineData("--duration", "-1h", "--duration must be in (0, 30d]")]
    [InlineData("--duration", "48x", "--duration: '48x' is not a duration")]
    [InlineData("--symbols", "BTC-USD,XRP-USD", "--symbols: unknown symbol 'XRP-USD'; valid symbols are BTC-USD, ETH-USD, NVDA")]
    [InlineData("--metrics-port", "70000", "--metrics-port must be in [0, 65535], 0 for a free port the OS chooses")]
    [InlineData("--redis", "localhost", "--redis must be host:port")]
    [InlineData("--profile", "prod", "--profile must be local or staging")]
    [InlineData("--window", "03/09/2017", "--window: '03/09/2017' is not a date")]
    [InlineData("--crash-at", "72h", "--crash-at must be in (0, --duration)")]
    [InlineData("--job", "edgerisk-forex", "--job must be edgerisk-crypto or edgerisk-stocks")]
    [InlineData("--journal", "wipe", "--journal must be fresh or resume (got 'wipe')")]
    [InlineData("--record-interval", "15s", "--record-interval needs --record-metrics FILE")]
    [InlineData("--data", "no/such/folder", "--data: directory 'no/such/folder' does not exist")]
    [InlineData("--colour", "red", "unknown option '--colour' for 'live'")]
    public void Parse_BadLiveOption_ThrowsOneLineErrorNamingTheKey(string key, string value, string expected)
    {
        var arguments = new List<string> { "live", key, value };
        if (key != "--data")
        {
            arguments.AddRange(["--data", Data]);
        }

        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(arguments));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Parse_OptionWithoutValue_Throws()
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["live", "--speed"]));
        Assert.Equal("--speed needs a value", error.Message);
    }

    [Fact]
    public void Parse_UnknownCommand_ListsCommands()
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["trade"]));
        Assert.Contains("valid commands are live, backtest, sim-stats", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Backtest_ReadsWindowAndStrategy()
    {
        var command = Assert.IsType<BacktestCommand>(CommandLineParser.Parse(
            ["backtest", "--from", "2017-09-03", "--to", "2017-09-04", "--symbols", "BTC-USD", "--strategy", "ema-cross", "--data", Data]));
        Assert.Equal(new DateOnly(2017, 9, 3), command.From);
        Assert.Equal(new DateOnly(2017, 9, 4), command.To);
        Assert.Equal("ema-cross", command.Strategy);
        Assert.Equal(["BTC-USD"], command.Symbols);
        Assert.True(double.IsPositiveInfinity(command.Speed));
        Assert.Null(command.RepeatDays);
    }

    [Theory]
    [InlineData("ema")]
    [InlineData("dual")]
    [InlineData("EMA-CROSS")]
    public void Parse_BacktestStrategyOtherSpelling_OneLineErrorNamingValidValues(string given)
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(
            ["backtest", "--from", "2017-09-03", "--to", "2017-09-04", "--strategy", given, "--data", Data]));
        Assert.Equal($"--strategy must be one of dual-horizon, ema-cross (got '{given}')", error.Message);
    }

    [Fact]
    public void Parse_BacktestWithoutStrategyOrConfig_ConfigsStrategyFromDefaultFolder()
    {
        var command = Assert.IsType<BacktestCommand>(CommandLineParser.Parse(
            ["backtest", "--from", "2017-09-03", "--to", "2017-09-04", "--data", Data]));
        Assert.Null(command.Strategy);
        Assert.Equal("config", command.ConfigDirectory);
    }

    [Fact]
    public void Parse_ConfigOption_ReadByEveryCommand()
    {
        var backtest = Assert.IsType<BacktestCommand>(CommandLineParser.Parse(
            ["backtest", "--from", "2017-09-03", "--to", "2017-09-04", "--data", Data, "--config", "tuned"]));
        var simStats = Assert.IsType<SimStatsCommand>(CommandLineParser.Parse(["sim-stats", "--data", Data, "--out", "x.json", "--config", "tuned"]));
        var live = Assert.IsType<LiveCommand>(CommandLineParser.Parse(["live", "--data", Data, "--config", "tuned"]));
        Assert.Equal(["tuned", "tuned", "tuned"], new[] { backtest.ConfigDirectory, simStats.ConfigDirectory, live.Options.ConfigDirectory });
    }

    [Fact]
    public void Parse_BacktestSpeedAndRepeatDays_Read()
    {
        var command = Assert.IsType<BacktestCommand>(CommandLineParser.Parse(
            ["backtest", "--from", "2017-09-03", "--to", "2017-09-04", "--speed", "2880", "--repeat-days", "30", "--data", Data]));
        Assert.Equal(2880d, command.Speed);
        Assert.Equal(30, command.RepeatDays);
    }

    [Theory]
    [InlineData("--strategy", "momentum", "--strategy must be one of dual-horizon, ema-cross")]
    [InlineData("--to", "2017-09-01", "--to must be on or after --from")]
    [InlineData("--from", "2017-9-3", "--from: '2017-9-3' is not a date")]
    [InlineData("--symbols", "DOGE-USD", "--symbols: unknown symbol 'DOGE-USD'")]
    [InlineData("--speed", "0", "--speed must be in (0, 1000000]")]
    [InlineData("--speed", "fast", "--speed: 'fast' is not")]
    [InlineData("--repeat-days", "1", "--repeat-days must be in [2, 3650]")]
    [InlineData("--repeat-days", "3651", "--repeat-days must be in [2, 3650]")]
    public void Parse_BadBacktestOption_Throws(string key, string value, string expected)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--from"] = "2017-09-03",
            ["--to"] = "2017-09-04",
            ["--data"] = Data,
            [key] = value,
        };
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["backtest", .. arguments.SelectMany(p => new[] { p.Key, p.Value })]));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("15s", 15)]
    [InlineData("90m", 5400)]
    [InlineData("1h30m", 5400)]
    [InlineData("1m30.25s", 90.25)]
    [InlineData("48h", 172800)]
    [InlineData("2d", 172800)]
    public void TryParse_DurationWithUnit_ReturnsSeconds(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("48")]
    [InlineData("h")]
    [InlineData("1y")]
    [InlineData("1h30")]
    public void TryParse_DurationWithoutValidUnit_ReturnsFalse(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Fact]
    public void Parse_DurationAsTheBuildFormatsIt_ReadsTheSameTick()
    {
        Gen.Long[1, LiveOptions.MaxDuration.Ticks].Select(TimeSpan.FromTicks).Sample(duration =>
        {
            var text = DurationText.Format(duration);
            var command = Assert.IsType<LiveCommand>(CommandLineParser.Parse(["live", "--data", Data, "--duration", text]));
            Assert.Equal(duration, command.Options.Duration);
        }, iter: 2_000);
    }
}
