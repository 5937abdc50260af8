using EdgeRisk.Trading.Composition;
using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Feeds;
using EdgeRisk.Trading.Ledger;
using EdgeRisk.Trading.Statistics;

namespace EdgeRisk.Trading.Backtesting;

/// <summary>Replays shipped days through one engine (paper + sim books) and reports fills, equity and timing.</summary>
public static class Backtester
{
    public static BacktestResult Run(BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.To < options.From)
        {
            throw new ArgumentException($"Backtest range is empty: To ({options.To:yyyy-MM-dd}) is before From ({options.From:yyyy-MM-dd}).", nameof(options));
        }

        var time = options.TimeProvider ?? TimeProvider.System;
        var started = time.GetTimestamp();

        var days = SourceDays(options);

        var crypto = new List<string>();
        var equities = new List<string>();
        foreach (var ticker in options.Symbols)
        {
            (SymbolRegistry.InferAssetClass(ticker) == AssetClass.Crypto ? crypto : equities).Add(ticker);
        }

        var plan = new ReplayPlan
        {
            SourceDays = days,
            VirtualStart = options.From,
            CryptoSymbols = crypto,
            EquitySymbols = equities,
            SyntheticSeed = options.SyntheticSeed,
            EquityFile = options.EquityFile,
            SkipBadFiles = options.SkipBadFiles,
        };
        var rejections = new FeedRejectionCounter(options.RejectionSink);
        var symbols = new SymbolRegistry();
        var feed = plan.Open(options.DataRoot, symbols, rejections);
        try
        {
            var varUtilisation = new VarUtilisationRecorder(options.Observer);
            var engine = PipelineFactory.CreateEngine(options.Config, options.Strategy, varUtilisation, time);
            var pacer = new ReplayPacer(time, options.Speed);
            var curve = new EquityCurveRecorder(ReturnInterval.For(crypto.Count > 0), engine.PaperLedger, engine.SimLedger);
            var loopStart = time.GetTimestamp();
            var startup = time.GetElapsedTime(started, loopStart);

            var first = default(DateTime);
            while (feed.TryRead(out var e))
            {
                if (first == default)
                {
                    first = e.Time;
                }

                pacer.WaitUntil(e.Time);
                curve.Before(e.Time);
                engine.OnEvent(e);
            }

            curve.Complete();

            var loopEnd = time.GetTimestamp();
            feed.Dispose();
            var paper = engine.PaperLedger;
            var sim = engine.SimLedger;
            return new BacktestResult(
                engine.StrategyName,
                engine.EventsProcessed,
                rejections.Total,
                engine.OrdersSubmitted,
                paper.Fills,
                sim.Fills,
                paper.FeesUsd,
                sim.FeesUsd,
                paper.EquityUsd,
                sim.EquityUsd,
                options.Config.Engine.InitialCashUsd,
                first,
                engine.LastEventTime,
                startup,
                time.GetElapsedTime(loopStart, loopEnd),
                time.GetElapsedTime(loopEnd))
            {
                VirtualDays = days.Count,
                Synthetic = options.RepeatDays is not null,
                Rejections = rejections.ByReason(),
                BadFiles = [.. rejections.BadFiles],
                PaperLedger = paper.Snapshot(),
                SimLedger = sim.Snapshot(),
                Interval = curve.Interval,
                PaperEquityCurve = curve.PaperCurve,
                SimEquityCurve = curve.SimCurve,
                MaxVarUtilisation = varUtilisation.MaxVarUtilisation,
                VarWarningLine = Risk.VarWarningLine.Utilisation,
            };
        }
        finally
        {
            feed.Dispose();
        }
    }

    /// <summary>
    /// The shipped days to replay, in virtual order: From..To once, or cycled until <see cref="BacktestOptions.RepeatDays"/>
    /// virtual days (a SYNTHETIC tape: the same files re-dated back to back).
    /// </summary>
    public static IReadOnlyList<DateOnly> SourceDays(BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var range = new List<DateOnly>();
        for (var d = options.From; d <= options.To; d = d.AddDays(1))
        {
            range.Add(d);
        }

        if (options.RepeatDays is not { } repeat)
        {
            return range;
        }

        if (repeat < range.Count)
        {
            throw new ArgumentException($"RepeatDays ({repeat}) must cover at least the {range.Count} days of {options.From:yyyy-MM-dd} .. {options.To:yyyy-MM-dd}.", nameof(options));
        }

        return [.. Enumerable.Range(0, repeat).Select(i => range[i % range.Count])];
    }

    /// <summary>Both books' fills as deterministic CSV (paper first, then sim).</summary>
    public static string FillsCsv(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return FillCsv.ToCsv([.. result.PaperFills, .. result.SimFills]);
    }
}
