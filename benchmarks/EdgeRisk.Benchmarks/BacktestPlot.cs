using System.Globalization;
using System.Text.Json;
using ScottPlot;

namespace EdgeRisk.Benchmarks;

/// <summary>
/// <c>plot-backtest RESULTS.json OUT.png</c>: bars of whole-process wall time, loop time and peak RSS of the cases of one
/// scripts/bench-backtest.sh run — figures of that run only; LEAN, measured on other days, is quoted in the doc, not drawn.
/// </summary>
public static class BacktestPlot
{
    private static readonly Color Jit = Color.FromHex("#9E9E9E");
    private static readonly Color Ours = Color.FromHex("#1565C0");

    public static int Run(string[] args)
    {
        if (args.Length != 3 || !File.Exists(args[1]))
        {
            Console.Error.WriteLine("plot-backtest: usage: plot-backtest RESULTS.json OUT.png (RESULTS.json from scripts/bench-backtest.sh)");
            return 2;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(args[1]));
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        double Get(string name, string key) => cases.TryGetValue(name, out var c)
            ? c.GetProperty(key).GetDouble()
            : throw new InvalidDataException($"{args[1]}: case '{name}' is missing; rerun scripts/bench-backtest.sh");

        var multiplot = new Multiplot();
        multiplot.AddPlots(3);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Bars(multiplot.GetPlot(0), "Whole process, 48 h BTC+ETH (s)",
            [("JIT\nEMA", Get("ema-48h-jit", "wall_s"), Jit), ("AOT\nEMA", Get("ema-48h", "wall_s"), Ours), ("AOT\ndual-horizon", Get("dual-48h", "wall_s"), Ours)]);
        Bars(multiplot.GetPlot(1), "Loop, 30 days SYNTHETIC (s)",
            [("AOT\nEMA", Get("ema-30d", "loop_ms") / 1000, Ours), ("AOT\ndual-horizon", Get("dual-30d", "loop_ms") / 1000, Ours)]);
        Bars(multiplot.GetPlot(2), "Peak RSS, 48 h (MiB)",
            [("JIT\nEMA", Get("ema-48h-jit", "rss_mib"), Jit), ("AOT\nEMA", Get("ema-48h", "rss_mib"), Ours), ("AOT\ndual-horizon", Get("dual-48h", "rss_mib"), Ours)]);
        multiplot.SavePng(args[2], 1200, 420);
        Console.WriteLine($"plot-backtest: wrote {args[2]}");
        return 0;
    }

    private static void Bars(Plot plot, string title, (string Label, double Value, Color Color)[] bars)
    {
        var ticks = new List<Tick>();
        for (var i = 0; i < bars.Length; i++)
        {
            var bar = plot.Add.Bar(position: i, value: bars[i].Value);
            bar.Color = bars[i].Color;
            bar.LegendText = string.Empty;
            var text = plot.Add.Text(bars[i].Value.ToString(bars[i].Value < 10 ? "0.000" : "0", CultureInfo.InvariantCulture), i, bars[i].Value);
            text.LabelAlignment = Alignment.LowerCenter;
            text.LabelFontSize = 13;
            ticks.Add(new Tick(i, bars[i].Label));
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Margins(bottom: 0, top: 0.2);
        plot.Title(title, size: 15);
    }
}
