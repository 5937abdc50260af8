using System.Diagnostics;
using System.Text.Json;
using EdgeRisk.Trading.Backtesting;
using EdgeRisk.Trading.Host.Cli;
using EdgeRisk.Trading.Ledger;
using EdgeRisk.Trading.Statistics;

namespace EdgeRisk.Trading.Host;

/// <summary>
/// <c>edgerisk-trading backtest</c>: the core's <see cref="Backtester"/> with no host, Kestrel, Redis or metrics, so
/// the whole process stays fast. Prints orders, fills, fees, end equity, the timing split (start-up, loop, shutdown),
/// events/s, CPU and peak RSS, then each book's statistics; <c>--out DIR</c> writes <c>fills.csv</c>, <c>paper-ledger.json</c>,
/// <c>sim-ledger.json</c>, <c>equity.csv</c> and <c>result.json</c> (which also names the strategy and the config hash),
/// all or nothing.
/// </summary>
public static class BacktestApp
{
    public static int Run(BacktestCommand command, TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        time ??= TimeProvider.System;
        var mainStarted = time.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        var processToMain = time.GetUtcNow() - new DateTimeOffset(process.StartTime.ToUniversalTime());
        if (!HostConfig.TryLoad(command.ConfigDirectory, error, out var loaded))
        {
            return 2;
        }

        var configSet = command.Strategy is { } strategy ? loaded.WithStrategy(strategy) : loaded;
        var config = configSet.Trading;
        BacktestResult result;
        try
        {
            result = Backtester.Run(new BacktestOptions
            {
                DataRoot = command.DataDirectory,
                From = command.From,
                To = command.To,
                Symbols = command.Symbols,
                Strategy = PipelineFactory.CreateStrategy(config, configSet.Router),
                Config = config,
                Speed = command.Speed,
                RepeatDays = command.RepeatDays,
                TimeProvider = time,
                SkipBadFiles = command.SkipBadFiles,
                RejectionSink = new BadFileWarnings(error),
            });
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine($"edgerisk-trading: --from/--to: {e.Message}");
            return 2;
        }
        catch (BadDataFileException e)
        {
            // Before --out is written: a failed run leaves no files.
            error.WriteLine(BadFileWarnings.ErrorLine(e));
            return 2;
        }

        var writeStarted = time.GetTimestamp();
        if (command.OutDirectory is { } outDirectory)
        {
            WriteOutputs(result, outDirectory, configSet.Hash);
        }

        var shutdown = result.ShutdownTime + time.GetElapsedTime(writeStarted);
        var c = CultureInfo.InvariantCulture;
        var speed = double.IsPositiveInfinity(command.Speed) ? "max" : command.Speed.ToString(c);
        output.WriteLine(string.Create(c, $"strategy {result.Strategy}, {command.From:yyyy-MM-dd} .. {command.To:yyyy-MM-dd}, symbols {string.Join(",", command.Symbols)}, speed {speed}"));
        output.WriteLine($"config {command.ConfigDirectory}, hash {configSet.Hash}");
        if (result.Synthetic)
        {
            output.WriteLine(string.Create(c, $"SYNTHETIC: {result.VirtualDays} virtual days from {result.FirstEventTime:yyyy-MM-dd} .. {result.LastEventTime:yyyy-MM-dd}, the files of {command.From:yyyy-MM-dd} .. {command.To:yyyy-MM-dd} re-dated back to back"));
        }

        output.WriteLine(string.Create(c, $"events {result.EventsProcessed}, rejected {result.RejectedRows}, orders {result.OrdersSubmitted}"));
        if (result.Rejections.Count > 0)
        {
            output.WriteLine(RejectionLine(result.Rejections));
        }

        if (result.BadFiles.Count > 0)
        {
            output.WriteLine(BadFilesLine(result.BadFiles));
        }
        output.WriteLine(string.Create(c, $"paper: fills {result.PaperFills.Count}, fees {result.PaperFeesUsd:0.00} USD, end equity {result.PaperEndEquityUsd:0.00} USD"));
        output.WriteLine(string.Create(c, $"sim: fills {result.SimFills.Count}, fees {result.SimFeesUsd:0.00} USD, end equity {result.SimEndEquityUsd:0.00} USD"));
        output.WriteLine(BacktestStatisticsText.Block(result));
        var inMain = time.GetElapsedTime(mainStarted);
        var whole = processToMain + inMain;
        output.WriteLine(string.Create(c,
            $"timing: start-up {(inMain - result.LoopTime - shutdown).TotalMilliseconds:0.0} ms, loop {result.LoopTime.TotalMilliseconds:0.0} ms, shutdown {shutdown.TotalMilliseconds:0.0} ms, {result.EventsPerSecond:0} events/s, runtime start ~{processToMain.TotalMilliseconds:0} ms, whole process ~{whole.TotalMilliseconds:0} ms"));
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        output.WriteLine(string.Create(c, $"peak RSS {PeakRssBytes() / (1024d * 1024d):0.0} MiB, cpu {cpu.TotalMilliseconds:0} ms ({(whole > TimeSpan.Zero ? cpu / whole : 0d):0.00} cores)"));
        return 0;
    }

    /// <summary>
    /// <c>rejected 3: nan 2 (first data/lean/.../20170903_trade.zip:118), non_numeric 1 (first ...:7)</c>: each reason (the
    /// <c>feed_rejected_total</c> label), most frequent first, with its count and the file:line of its first row.
    /// </summary>
    public static string RejectionLine(IReadOnlyList<FeedRejectionCount> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        var reasons = rejections.Select(r => string.Create(CultureInfo.InvariantCulture, $"{RejectReasonLabel.Of(r.Reason)} {r.Count} (first {r.First.Source}:{r.First.Line})"));
        return string.Create(CultureInfo.InvariantCulture, $"rejected {rejections.Sum(r => r.Count)}: {string.Join(", ", reasons)}");
    }

    /// <summary>
    /// <c>skipped bad files 2: empty 1 (first data/lean/.../20170903_trade.zip), multiple_entries 1 (first ...)</c>: per
    /// reason (the <c>feed_bad_files_total</c> label), in the order first met.
    /// </summary>
    public static string BadFilesLine(IReadOnlyList<BadDataFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var reasons = files.GroupBy(f => f.Reason).Select(g => string.Create(CultureInfo.InvariantCulture, $"{BadFileLabel.Of(g.Key)} {g.Count()} (first {g.First().Path})"));
        return string.Create(CultureInfo.InvariantCulture, $"skipped bad files {files.Count}: {string.Join(", ", reasons)}");
    }

    /// <summary>Writes every file next to its final name first, then renames them: a failed run leaves no half-written set.</summary>
    private static void WriteOutputs(BacktestResult result, string outDirectory, string configHash)
    {
        Directory.CreateDirectory(outDirectory);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["fills.csv"] = Backtester.FillsCsv(result),
            ["paper-ledger.json"] = LedgerJson(result.PaperLedger),
            ["sim-ledger.json"] = LedgerJson(result.SimLedger),
            ["equity.csv"] = EquityCurveCsv.ToCsv(result.PaperEquityCurve, result.SimEquityCurve),
            ["result.json"] = BacktestReport.ToJson(result, configHash),
        };
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(outDirectory, name + ".tmp"), text);
        }

        foreach (var name in files.Keys)
        {
            var path = Path.Combine(outDirectory, name);
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }

    private static string LedgerJson(LedgerSnapshot? snapshot)
        => JsonSerializer.Serialize(snapshot ?? throw new InvalidOperationException("The backtest returned no ledger snapshot."), BacktestingJsonContext.Default.LedgerSnapshot).ReplaceLineEndings("\n") + "\n";

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
