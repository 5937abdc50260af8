using EdgeRisk.Testing.Services;
using EdgeRisk.Trading.Host;
using EdgeRisk.Trading.Host.Cli;

namespace EdgeRisk.Trading.Tests.Host;

public sealed class BacktestAppTests
{
    private static readonly string[] OutputFiles = ["fills.csv", "paper-ledger.json", "sim-ledger.json"];

    [Theory]
    [InlineData("ema")]
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

    [Fact]
    public void Run_48h_PrintsOrdersFillsFeesEquityTimingCpuAndRss()
    {
        var (exitCode, output) = Run(Command("ema", outDirectory: null));

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
        var command = Command("ema", outDirectory: null) with { RepeatDays = 30 };

        var (exitCode, output) = Run(command);

        Assert.Equal(0, exitCode);
        Assert.Contains("SYNTHETIC: 30 virtual days from 2017-09-03 .. 2017-10-03, the files of 2017-09-03 .. 2017-09-04 re-dated back to back", output, StringComparison.Ordinal);
        Assert.Contains($"events {15 * 11510}, rejected 0", output, StringComparison.Ordinal);
    }

    private static BacktestCommand Command(string strategy, string? outDirectory)
        => new(new DateOnly(2017, 9, 3), new DateOnly(2017, 9, 4), ["BTC-USD", "ETH-USD"], strategy, TradingProcess.DataDirectory, outDirectory);

    private static (int ExitCode, string Output) Run(BacktestCommand command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = BacktestApp.Run(command, output, error);
        return (exitCode, output + error.ToString());
    }
}
