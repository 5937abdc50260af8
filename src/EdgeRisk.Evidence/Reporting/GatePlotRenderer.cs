using EdgeRisk.Evidence.Gates;
using ScottPlot;

namespace EdgeRisk.Evidence.Reporting;

/// <summary>Draws a gate's PNG (ScottPlot on SkiaSharp; the Linux native assets need no system libraries).</summary>
public static class GatePlotRenderer
{
    public static void SavePng(GateResult gate, string path)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var plot = new Plot();
        var spec = gate.Plot;
        plot.Title($"{gate.Name}: {GateReportText.Status(gate.Status)}");
        if (spec is not null)
        {
            plot.YLabel(spec.YLabel);
            foreach (var line in spec.Lines.Where(l => l.Times.Length > 0))
            {
                var xs = line.Times.Select(t => GateWindow.FromSeconds(t).UtcDateTime.ToOADate()).ToArray();
                var scatter = plot.Add.Scatter(xs, line.Values);
                scatter.LegendText = line.Legend;
                scatter.MarkerSize = 0;
            }

            foreach (var threshold in spec.Thresholds)
            {
                var h = plot.Add.HorizontalLine(threshold);
                h.Color = Colors.Red;
                h.LinePattern = LinePattern.Dashed;
                h.LegendText = $"threshold {GateReportText.Number(threshold)}";
            }

            plot.Axes.DateTimeTicksBottom();
            plot.ShowLegend();
        }
        else
        {
            plot.Add.Text("no data", 0, 0);
        }

        plot.SavePng(path, 900, 400);
    }
}
