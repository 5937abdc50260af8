using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeRisk.Tuning.Optimisation;
using EdgeRisk.Tuning.SearchSpace;
using ScottPlot;

namespace EdgeRisk.Tuning.Tune;

/// <summary>The run folder's outputs: trials.jsonl, trials.csv, report.md, convergence.png, importance.png, proposal.diff.</summary>
internal static class TuneReport
{
    public static void Write(TuneOutcome outcome, TuneSpace space, TuneOptions options, IOptimiser optimiser)
    {
        var folder = outcome.RunFolder;
        var names = space.Parameters.Select(p => p.Name).ToList();
        WriteAtomically(Path.Combine(folder, "trials.jsonl"), Jsonl(outcome, names));
        WriteAtomically(Path.Combine(folder, "trials.csv"), Csv(outcome, names));
        var importance = optimiser is GaussianProcessOptimiser gp ? gp.Importance() : new Dictionary<string, double>();
        var diff = outcome.ProposalDirectory is { } proposal ? TrialConfigWriter.Diff(options.ConfigDirectory, proposal) : [];
        if (outcome.ProposalDirectory is not null)
        {
            WriteAtomically(Path.Combine(folder, "proposal.diff"), string.Concat(diff.Select(line => line + "\n")));
        }

        if (options.Plots)
        {
            Convergence(outcome, Path.Combine(folder, "convergence.png"), options.Objective.Statistic);
            if (importance.Count > 0)
            {
                Importance(importance, Path.Combine(folder, "importance.png"));
            }
        }

        WriteAtomically(outcome.ReportPath, Markdown(outcome, options, importance, diff));
    }

    private static string Jsonl(TuneOutcome outcome, List<string> names)
    {
        var text = new StringBuilder();
        foreach (var r in outcome.Trials)
        {
            var line = new TrialLine(r.Number, r.Id,
                names.Select((n, i) => (n, v: r.Values[i])).ToDictionary(x => x.n, x => x.v, StringComparer.Ordinal),
                Finite(r.Tuning.Objective), r.Tuning.Feasible, r.Tuning.Violation, new Dictionary<string, double>(r.Tuning.Statistics),
                r.Validation is null ? null : Finite(r.Validation.Objective), r.Validation?.Feasible, r.Validation?.Violation,
                r.Validation is null ? null : new Dictionary<string, double>(r.Validation.Statistics));
            text.Append(JsonSerializer.Serialize(line, TuneJsonContext.Default.TrialLine)).Append('\n');
        }

        return text.ToString();
    }

    private static string Csv(TuneOutcome outcome, List<string> names)
    {
        var statistics = outcome.Trials.SelectMany(r => r.Tuning.Statistics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append(string.Join(',', ["number", "id", "feasible", "objective", "violation", "validation_feasible", "validation_objective", .. names, .. statistics])).Append('\n');
        foreach (var r in outcome.Trials)
        {
            string[] cells =
            [
                Num(r.Number), r.Id, r.Tuning.Feasible ? "true" : "false", Num(Finite(r.Tuning.Objective)), Quote(r.Tuning.Violation),
                r.Validation is null ? "" : r.Validation.Feasible ? "true" : "false", Num(r.Validation is null ? null : Finite(r.Validation.Objective)),
                .. r.Values.Select(v => Num(v)),
                .. statistics.Select(s => r.Tuning.Statistics.TryGetValue(s, out var v) ? Num(v) : ""),
            ];
            text.Append(string.Join(',', cells)).Append('\n');
        }

        return text.ToString();
    }

    private static string Markdown(TuneOutcome outcome, TuneOptions options, IReadOnlyDictionary<string, double> importance, IReadOnlyList<string> diff)
    {
        var c = CultureInfo.InvariantCulture;
        var o = options.Objective;
        var text = new StringBuilder();
        text.Append("# Tuning report\n\n");
        text.Append(c, $"- search: {options.Algorithm}, seed {options.Seed}, {outcome.Trials.Count} trials, {outcome.Trials.Count(r => r.Tuning.Feasible)} feasible\n");
        text.Append(c, $"- objective: paper book's {o.Statistic} after costs, maximised; constraints: max drawdown ≤ {o.MaxDrawdown:0.####}, peak VaR utilisation ≤ the warning line (risk.varWarningLine, the VarHigh alert at 90 % of the limit), missing = infeasible\n");
        text.Append(c, $"- walk-forward: tuned on {options.TuningWindow}, top {options.TopK} validated on {options.ValidationWindow}\n\n");
        text.Append("## Proposal\n\n");
        if (outcome.Proposal is not { } p)
        {
            text.Append("No proposal: no trial was feasible on the validation window (fail closed); config/ is unchanged.\n\n");
        }
        else
        {
            text.Append(c, $"Trial {p.Id}: {o.Statistic} **{p.Tuning.Objective:0.####} in sample**, **{p.Validation!.Objective:0.####} out of sample**, gap {p.Gap:0.####}.\n\n");
            text.Append("Files: `proposal/` (strategy.json, router.json). Changes against the base config:\n\n```\n");
            text.Append(diff.Count == 0 ? "(none)\n" : string.Concat(diff.Select(d => d + "\n")));
            text.Append("```\n\nTry it through the gates: `./build.sh DryRun EvaluateGates --config <run folder>/proposal`; `./build.sh Tune --apply` writes it into config/.\n\n");
        }

        text.Append("## Walk-forward (top trials by in-sample objective)\n\n| trial | in sample | out of sample | gap | validation |\n|---|---|---|---|---|\n");
        foreach (var r in outcome.Trials.Where(r => r.Validation is not null).OrderByDescending(r => r.Tuning.Objective))
        {
            text.Append(c, $"| {r.Id} | {r.Tuning.Objective:0.####} | {Num(Finite(r.Validation!.Objective))} | {(r.Gap is { } g ? g.ToString("0.####", c) : "—")} | {(r.Validation.Feasible ? "feasible" : r.Validation.Violation)} |\n");
        }

        text.Append("\n## Convergence\n\n![best so far per trial](convergence.png)\n\n## Parameter importance\n\n");
        if (importance.Count == 0)
        {
            text.Append("Not available (random search, or too few trials for the Gaussian process).\n");
        }
        else
        {
            text.Append("From the Gaussian process's length-scales (share of the total):\n\n![parameter importance](importance.png)\n\n| parameter | importance |\n|---|---|\n");
            foreach (var (name, value) in importance.OrderByDescending(kv => kv.Value))
            {
                text.Append(c, $"| {name} | {value:0.###} |\n");
            }
        }

        var infeasible = outcome.Trials.Where(r => !r.Tuning.Feasible).GroupBy(r => Reason(r.Tuning.Violation)).OrderByDescending(g => g.Count()).ToList();
        if (infeasible.Count > 0)
        {
            text.Append("\n## Infeasible trials\n\n");
            foreach (var group in infeasible)
            {
                text.Append(c, $"- {group.Count()}: {group.Key}\n");
            }
        }

        text.Append("\nEvery trial: `trials.csv`, `trials.jsonl`; each trial's config and backtest output: `trial/<id>/`.\n");
        return text.ToString();
    }

    private static string Reason(string? violation) => violation is null ? "unknown" : violation.Split(' ')[0] switch
    {
        "max" => "max drawdown above the limit",
        "VaR" => "VaR utilisation above the warning line",
        _ => violation,
    };

    private static void Convergence(TuneOutcome outcome, string path, string statistic)
    {
        var plot = new Plot();
        plot.Title("Convergence: best feasible objective so far");
        plot.XLabel("trial");
        plot.YLabel(statistic + " (tuning window)");
        var feasible = outcome.Trials.Where(r => r.Tuning.Feasible).ToList();
        if (feasible.Count > 0)
        {
            var points = plot.Add.ScatterPoints(feasible.Select(r => (double)r.Number).ToArray(), feasible.Select(r => r.Tuning.Objective).ToArray());
            points.LegendText = "trial";
            var xs = new List<double>();
            var ys = new List<double>();
            var best = double.NegativeInfinity;
            foreach (var r in outcome.Trials)
            {
                if (r.Tuning.Feasible && r.Tuning.Objective > best)
                {
                    best = r.Tuning.Objective;
                }

                if (double.IsFinite(best))
                {
                    xs.Add(r.Number);
                    ys.Add(best);
                }
            }

            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.MarkerSize = 0;
            line.LegendText = "best so far";
            plot.ShowLegend();
        }

        Save(plot, path);
    }

    private static void Importance(IReadOnlyDictionary<string, double> importance, string path)
    {
        var ordered = importance.OrderByDescending(kv => kv.Value).ToList();
        var plot = new Plot();
        plot.Title("Parameter importance (GP length-scales)");
        plot.Add.Bars(ordered.Select(kv => kv.Value).ToArray());
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, ordered.Count).Select(i => (double)i).ToArray(), ordered.Select(kv => kv.Key).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 150;
        Save(plot, path);
    }

    private static void Save(Plot plot, string path)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp.png");
        plot.SavePng(temp, 1000, 500);
        File.Move(temp, path, overwrite: true);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Num(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string? text) => text is null ? "" : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void WriteAtomically(string path, string content)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
        File.WriteAllText(temp, content, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
