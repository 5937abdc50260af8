using System.Globalization;
using ScottPlot;

namespace EdgeRisk.Evidence.Reporting;

/// <summary>
/// Draws a backtest's <c>equity.png</c> from its <c>equity.csv</c> (written by <c>edgerisk-trading backtest --out</c>:
/// <c>time,paper_equity_usd,paper_drawdown,sim_equity_usd,sim_drawdown</c>): both books' equity on the left axis, their
/// drawdown from the running peak in % on the right. The trading host is Native AOT and has no plotting library, so the
/// picture is drawn here (ScottPlot, like the gate plots).
/// </summary>
public static class EquityPlotRenderer
{
    public const string Header = "time,paper_equity_usd,paper_drawdown,sim_equity_usd,sim_drawdown";

    /// <summary>Reads <paramref name="equityCsv"/> and writes the PNG to <paramref name="pngPath"/> (via a temporary file).</summary>
    /// <exception cref="InvalidDataException">The file is missing, empty or not an equity curve; the message names it.</exception>
    public static void SavePng(string equityCsv, string pngPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(equityCsv);
        ArgumentException.ThrowIfNullOrWhiteSpace(pngPath);
        var rows = Read(equityCsv);
        var times = rows.Select(r => r.Time.ToOADate()).ToArray();
        var plot = new Plot();
        plot.Title($"Equity and drawdown ({rows[0].Time:yyyy-MM-dd HH:mm} .. {rows[^1].Time:yyyy-MM-dd HH:mm} UTC)");
        plot.YLabel("equity (USD)");
        AddLine(plot, times, rows.Select(r => r.PaperEquity).ToArray(), "paper equity", Colors.Blue, right: false);
        AddLine(plot, times, rows.Select(r => r.SimEquity).ToArray(), "sim equity", Colors.Green, right: false);
        AddLine(plot, times, rows.Select(r => -100d * r.PaperDrawdown).ToArray(), "paper drawdown %", Colors.Red, right: true);
        AddLine(plot, times, rows.Select(r => -100d * r.SimDrawdown).ToArray(), "sim drawdown %", Colors.Orange, right: true);
        plot.Axes.Right.Label.Text = "drawdown (%)";
        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend();
        var directory = Path.GetDirectoryName(Path.GetFullPath(pngPath))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(pngPath)}.{Environment.ProcessId}.tmp.png");
        plot.SavePng(temp, 1000, 500);
        File.Move(temp, pngPath, overwrite: true);
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, string legend, Color color, bool right)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = legend;
        line.MarkerSize = 0;
        line.Color = color;
        if (right)
        {
            line.LinePattern = LinePattern.Dashed;
            line.Axes.YAxis = plot.Axes.Right;
        }
    }

    private static List<Row> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such equity file; run the backtest with --out first (it writes equity.csv).");
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidDataException($"{path}: not an equity curve; the first line must be '{Header}'.");
        }

        var rows = new List<Row>();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            var c = CultureInfo.InvariantCulture;
            if (fields.Length != 5
                || !DateTime.TryParse(fields[0], c, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                || !double.TryParse(fields[1], NumberStyles.Float, c, out var paper)
                || !double.TryParse(fields[2], NumberStyles.Float, c, out var paperDrawdown)
                || !double.TryParse(fields[3], NumberStyles.Float, c, out var sim)
                || !double.TryParse(fields[4], NumberStyles.Float, c, out var simDrawdown))
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected '{Header}' values, got '{lines[i]}'.");
            }

            rows.Add(new Row(time, paper, paperDrawdown, sim, simDrawdown));
        }

        if (rows.Count < 2)
        {
            throw new InvalidDataException($"{path}: an equity curve needs at least 2 points, got {rows.Count}.");
        }

        return rows;
    }

    private sealed record Row(DateTime Time, double PaperEquity, double PaperDrawdown, double SimEquity, double SimDrawdown);
}
