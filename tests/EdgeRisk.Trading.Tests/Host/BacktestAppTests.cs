using System.Security.Cryptography;

namespace EdgeRisk.Trading.Tests.Host;

public sealed class BacktestAppTests
{
    private static readonly string[] OutputFiles = ["fills.csv", "paper-ledger.json", "sim-ledger.json"];

    [Theory]
    [InlineData("ema-cross")]
    [InlineData("dual-horizon")]
    public void Run_TwiceWithSameArguments_ByteIdenticalLedgers(string strategy)
    {
        using var dir = new TempDirectory();

        var (first, firstOutput) = Run(Command(strategy, dir.Combine("first")));
        var (second, _) = Run(Command(strategy, dir.Combine("second")));

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Contains("events 11510, rejected 0", firstOutput, StringComparison.Ordinal);
        foreach (var name in OutputFiles)
        {
            var bytes = File.ReadAllBytes(dir.Combine("first", name));
            Assert.True(bytes.Length > 100, $"{name}: {bytes.Length} bytes");
            Assert.Equal(bytes, File.ReadAllBytes(dir.Combine("second", name)));
        }

        Assert.Empty(Directory.GetFiles(dir.Combine("first"), "*.tmp"));
        Assert.StartsWith("sequence,order_id,book,symbol,side,quantity,price,fee_usd,time\n", File.ReadAllText(dir.Combine("first", "fills.csv")), StringComparison.Ordinal);
    }

    /// <summary>
    /// SHA-256 of fills.csv, paper-ledger.json and sim-ledger.json as the published executable wrote them before the
    /// LEAN feed parsed numbers with <see cref="Trading.Feeds.InvariantDecimal"/>, opened days lazily and parsed each
    /// file of a SYNTHETIC cycle once: faster feeds must not change a byte. A change meant to alter results (a
    /// strategy, the fill model, the ledger format) re-pins these from a run of the build before and after it.
    /// </summary>
    [Theory]
    [InlineData("ema-cross", null, "43298a33abbefe4cf20ef970f45ca101bacb61c835d7258f1bce292b5fe981c5", "028e4c8c8f5074f9bf0d2e147b05dff20010a9acc35acf47bb3c8fb999a3b755", "c8d3ddfd3f5771114f0316db21e82fe634ca2ebc6d0fa22246ff11a8b278ccc7")]
    [InlineData("dual-horizon", null, "05044e0f35cd24068e00bac28450f624bfe05e0ec11494c17595d87595f955d6", "4062a020e259acff2859ea6dffd0393c2c5b54b3c4e7f1f5fd893ed9e63e3c8f", "03edb0d44ffed9f650c72fd6020e346ae2b6873d53b0739c4693815f51200b41")]
    [InlineData("ema-cross", 30, "b961e935a217ed8998f21c856e0d094993c387f8b4189748dba1ba7f59bb6272", "57e8b29f8aa56c9bfa4d00e78e62194dc57f18c81e1070c013102f4c9082e647", "1b7ad219abbc69ad86a5e2bcef36243e3b61e7affbd887418b7cd15a8af28ab6")]
    [InlineData("dual-horizon", 30, "e85aaba73a5e1e623cacd1bcb45d6cf4846b09326823d0819d5053fc9b885028", "9b7b52c9845cc13cf69e3effb91178fcfa2f1c32fa90b522194b81b07f2015ad", "9b11dd7adc10c2708ee8226996633e36a31829f8d08e696895c07d4b568cb743")]
    public void Run_48hAndRepeatDays30_LedgersByteIdenticalToThePinnedReference(string strategy, int? repeatDays, string fills, string paper, string sim)
    {
        using var dir = new TempDirectory();

        var (exitCode, output) = Run(Command(strategy, dir.Path) with { RepeatDays = repeatDays });

        Assert.Equal(0, exitCode);
        Assert.Contains($"events {(repeatDays is null ? 11510 : 15 * 11510)}, rejected 0", output, StringComparison.Ordinal);
        Assert.Equal(
            [("fills.csv", fills), ("paper-ledger.json", paper), ("sim-ledger.json", sim)],
            OutputFiles.Select(name => (name, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dir.Combine(name)))))));
    }

    [Fact]
    public void Run_48h_PrintsOrdersFillsFeesEquityTimingCpuAndRss()
    {
        var (exitCode, output) = Run(Command("ema-cross", outDirectory: null));

        Assert.Equal(0, exitCode);
        Assert.Contains("strategy ema-cross, 2017-09-03 .. 2017-09-04, symbols BTC-USD,ETH-USD, speed max", output, StringComparison.Ordinal);
        Assert.Matches(@"events 11510, rejected 0, orders [1-9]\d*", output);
        Assert.Matches(@"paper: fills [1-9]\d*, fees [1-9][\d.]* USD, end equity [\d.]+ USD", output);
        Assert.Matches(@"sim: fills [1-9]\d*, fees 0.00 USD, end equity [\d.]+ USD", output);
        Assert.Matches(@"timing: start-up [\d.]+ ms, loop [\d.]+ ms, shutdown [\d.]+ ms, \d+ events/s, runtime start ~\d+ ms, whole process ~\d+ ms", output);
        Assert.Matches(@"peak RSS [\d.]+ MiB, cpu \d+ ms \([\d.]+ cores\)", output);
        Assert.DoesNotContain("SYNTHETIC", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RepeatDays30_LabelledSyntheticWith15TimesThe48hEvents()
    {
        var command = Command("ema-cross", outDirectory: null) with { RepeatDays = 30 };

        var (exitCode, output) = Run(command);

        Assert.Equal(0, exitCode);
        Assert.Contains("SYNTHETIC: 30 virtual days from 2017-09-03 .. 2017-10-03, the files of 2017-09-03 .. 2017-09-04 re-dated back to back", output, StringComparison.Ordinal);
        Assert.Contains($"events {15 * 11510}, rejected 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EditedRouterConfig_OtherDecisionsAndHash()
    {
        using var dir = new TempDirectory();
        using var tuned = TradingConfigDirectoryTests.CopyOfShipped(
            "\"shortRegimeWeights\": { \"short\": 0.8, \"long\": 0.2 }", "\"shortRegimeWeights\": { \"short\": 0.5, \"long\": 0.5 }");

        var (shippedExit, shippedOutput) = Run(Command("dual-horizon", dir.Combine("shipped")));
        var (tunedExit, tunedOutput) = Run(Command("dual-horizon", dir.Combine("tuned")) with { ConfigDirectory = tuned.Path });

        Assert.Equal((0, 0), (shippedExit, tunedExit));
        Assert.NotEqual(File.ReadAllText(dir.Combine("shipped", "fills.csv")), File.ReadAllText(dir.Combine("tuned", "fills.csv")));
        var shippedHash = TradingConfigLoader.LoadDirectory(TradingProcess.ConfigDirectory).Hash;
        var tunedHash = TradingConfigLoader.LoadDirectory(tuned.Path).Hash;
        Assert.Contains($"hash {shippedHash}", shippedOutput, StringComparison.Ordinal);
        Assert.Contains($"hash {tunedHash}", tunedOutput, StringComparison.Ordinal);
        Assert.Equal(shippedHash, ResultJson(dir.Combine("shipped")).GetProperty("config_hash").GetString());
        Assert.Equal(tunedHash, ResultJson(dir.Combine("tuned")).GetProperty("config_hash").GetString());
    }

    [Fact]
    public void Run_WithOut_ResultJsonNamesStrategyAndConfigHashAndNoRunJson()
    {
        using var dir = new TempDirectory();

        var (exitCode, _) = Run(Command("ema-cross", dir.Path));

        Assert.Equal(0, exitCode);
        var result = ResultJson(dir.Path);
        Assert.Equal("ema-cross", result.GetProperty("strategy").GetString());
        Assert.Equal(TradingConfigLoader.LoadDirectory(TradingProcess.ConfigDirectory).WithStrategy("ema-cross").Hash, result.GetProperty("config_hash").GetString());
        Assert.Equal(
            ["equity.csv", "fills.csv", "paper-ledger.json", "result.json", "sim-ledger.json"],
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_WithoutStrategy_PlaysTheConfigsStrategy()
    {
        using var config = TradingConfigDirectoryTests.CopyOfShipped();
        var strategy = Path.Combine(config.Path, "strategy.json");
        File.WriteAllText(strategy, File.ReadAllText(strategy).Replace("\"dual-horizon\"", "\"ema-cross\"", StringComparison.Ordinal));

        var (exitCode, output) = Run(Command("ema-cross", outDirectory: null) with { Strategy = null, ConfigDirectory = config.Path });

        Assert.Equal(0, exitCode);
        Assert.Contains("strategy ema-cross,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadRouterValue_OneLineErrorExit2AndNoOutputs()
    {
        using var dir = new TempDirectory();
        using var bad = TradingConfigDirectoryTests.CopyOfShipped("\"maxVolatilityBps\": 25", "\"maxVolatilityBps\": 0");

        var (exitCode, output) = Run(Command("dual-horizon", dir.Combine("out")) with { ConfigDirectory = bad.Path });

        Assert.Equal(2, exitCode);
        Assert.Equal($"edgerisk-trading: {Path.Combine(bad.Path, "router.json")}: maxVolatilityBps must be in (0, 10000], got 0", output.TrimEnd());
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    private static BacktestCommand Command(string strategy, string? outDirectory)
        => new(new DateOnly(2017, 9, 3), new DateOnly(2017, 9, 4), ["BTC-USD", "ETH-USD"], strategy, TradingProcess.DataDirectory, outDirectory)
        {
            ConfigDirectory = TradingProcess.ConfigDirectory,
        };

    private static JsonElement ResultJson(string outDirectory)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDirectory, "result.json")));
        return json.RootElement.Clone();
    }

    private static (int ExitCode, string Output) Run(BacktestCommand command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = BacktestApp.Run(command, output, error);
        return (exitCode, output + error.ToString());
    }
}
