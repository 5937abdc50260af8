using System.Diagnostics;
using System.Globalization;
using EdgeRisk.Trading.Backtesting;
using EdgeRisk.Trading.Host.Cli;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Host;

/// <summary>
/// <c>edgerisk-trading backtest</c>: the core's <see cref="Backtester"/> with no host, Kestrel or Redis, so the whole
/// process stays fast. Prints orders, fills, fees, end equity, the timing split (start-up, loop, shutdown), events/s
/// and peak RSS; <c>--out DIR</c> writes <c>fills.csv</c> atomically.
/// </summary>
public static class BacktestApp
{
    public static int Run(BacktestCommand command, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var process = Stopwatch.StartNew();
        var config = new TradingConfig { Strategy = command.Strategy == "ema" ? "ema-cross" : "dual-horizon" };
        BacktestResult result;
        try
        {
            result = Backtester.Run(new BacktestOptions
            {
                DataRoot = command.DataDirectory,
                From = command.From,
                To = command.To,
                Symbols = command.Symbols,
                Strategy = PipelineFactory.CreateStrategy(config, new RouterConfig()),
                Config = config,
            });
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine($"edgerisk-trading: --from/--to: {e.Message}");
            return 2;
        }

        if (command.OutDirectory is { } outDirectory)
        {
            Directory.CreateDirectory(outDirectory);
            var path = Path.Combine(outDirectory, "fills.csv");
            File.WriteAllText(path + ".tmp", Backtester.FillsCsv(result));
            File.Move(path + ".tmp", path, overwrite: true);
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"strategy {result.Strategy}, {command.From:yyyy-MM-dd} .. {command.To:yyyy-MM-dd}, symbols {string.Join(",", command.Symbols)}"));
        output.WriteLine(string.Create(c, $"events {result.EventsProcessed}, rejected {result.RejectedRows}, orders {result.OrdersSubmitted}"));
        output.WriteLine(string.Create(c, $"paper: fills {result.PaperFills.Count}, fees {result.PaperFeesUsd:0.00} USD, end equity {result.PaperEndEquityUsd:0.00} USD"));
        output.WriteLine(string.Create(c, $"sim: fills {result.SimFills.Count}, fees {result.SimFeesUsd:0.00} USD, end equity {result.SimEndEquityUsd:0.00} USD"));
        output.WriteLine(string.Create(c, $"timing: start-up {result.StartupTime.TotalMilliseconds:0.0} ms, loop {result.LoopTime.TotalMilliseconds:0.0} ms, shutdown {result.ShutdownTime.TotalMilliseconds:0.0} ms, {result.EventsPerSecond:0} events/s, process so far {process.Elapsed.TotalMilliseconds:0.0} ms"));
        output.WriteLine(string.Create(c, $"peak RSS {PeakRssBytes() / (1024d * 1024d):0.0} MiB"));
        return 0;
    }

    /// <summary>VmHWM from /proc/self/status (peak resident set), 0 where /proc is unavailable.</summary>
    public static long PeakRssBytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
