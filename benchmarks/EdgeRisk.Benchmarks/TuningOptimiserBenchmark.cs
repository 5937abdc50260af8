using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeRisk.Tuning.Optimisation;

namespace EdgeRisk.Benchmarks;

/// <summary>
/// <c>tuning-optimiser OUT_DIR [--seeds N]</c> (issue #20): Bayesian optimisation (<see cref="GaussianProcessOptimiser"/>)
/// against random search with the same budget on Branin and Hartmann-6, seeds 0..N-1 (20 by default), the two optimisers
/// alternating per seed; evaluations until within 1 % of the optimum, their medians and whether BO needs at most a third
/// of random search's. Random search is also run on, same seed, until it gets there (up to 200,000 evaluations), so its
/// median is a number rather than "more than the budget". Writes OUT_DIR/tuning-optimiser.md and .json.
/// </summary>
public static class TuningOptimiserBenchmark
{
    private const double Tolerance = 0.01;
    private const int RandomCap = 200_000;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static int Run(string[] args)
    {
        if (args.Length is not (2 or 4) || (args.Length == 4 && (args[2] != "--seeds" || !int.TryParse(args[3], CultureInfo.InvariantCulture, out _))))
        {
            Console.Error.WriteLine("tuning-optimiser: usage: tuning-optimiser OUT_DIR [--seeds N] (N a whole number, default 20)");
            return 2;
        }

        var outDir = args[1];
        var seeds = args.Length == 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
        Directory.CreateDirectory(outDir);
        var loadBefore = Uptime();
        var clock = Stopwatch.StartNew();
        var cases = new List<CaseResult>();
        foreach (var (function, budget) in new[] { (TestFunction.Branin, 100), (TestFunction.Hartmann6, 200) })
        {
            var bo = new List<BenchmarkRun>();
            var random = new List<BenchmarkRun>();
            var randomUnbounded = new List<BenchmarkRun>();
            for (var seed = 0; seed < seeds; seed++)
            {
                // Alternate which optimiser goes first, so machine load drifts over both alike.
                var runs = new List<Func<BenchmarkRun>>
                {
                    () => OptimiserBenchmark.Run("bo", new GaussianProcessOptimiser(function.Space, new GaussianProcessOptions { Seed = seed }), function, seed, budget, Tolerance),
                    () => OptimiserBenchmark.Run("random", new RandomSearchOptimiser(function.Space, seed), function, seed, budget, Tolerance),
                };
                if (seed % 2 == 1)
                {
                    runs.Reverse();
                }

                foreach (var run in runs)
                {
                    var result = run();
                    (result.Optimiser == "bo" ? bo : random).Add(result);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{function.Name} seed {seed} {result.Optimiser}: {(result.EvaluationsToReach?.ToString(CultureInfo.InvariantCulture) ?? $">{budget}")} evaluations, best {result.BestValue:0.00000}, {result.Elapsed.TotalSeconds:0.0} s"));
                }

                randomUnbounded.Add(OptimiserBenchmark.Run("random", new RandomSearchOptimiser(function.Space, seed), function, seed, RandomCap, Tolerance));
            }

            cases.Add(CaseResult.From(function, budget, bo, random, randomUnbounded));
        }

        var long1000 = Thousand();
        var report = new Report(
            DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            Commit(),
            Environment.ProcessorCount,
            loadBefore,
            Uptime(),
            seeds,
            Tolerance,
            clock.Elapsed.TotalSeconds,
            cases,
            long1000);
        File.WriteAllText(Path.Combine(outDir, "tuning-optimiser.json"), JsonSerializer.Serialize(report, Json) + "\n");
        File.WriteAllText(Path.Combine(outDir, "tuning-optimiser.md"), Markdown(report));
        Console.WriteLine($"tuning-optimiser: wrote {Path.Combine(outDir, "tuning-optimiser.md")} and .json");
        return 0;
    }

    private static string Markdown(Report r)
    {
        var s = new StringBuilder();
        string N(double? v) => v is null ? "not reached" : v.Value.ToString("0.#", CultureInfo.InvariantCulture);
        s.AppendLine("# Tuning optimiser: Bayesian optimisation vs random search (issue #20, \"Bayesian optimisation\")");
        s.AppendLine();
        s.AppendLine("Goal: with the same budget, on Branin and Hartmann-6, the median over 20 seeds of the evaluations Bayesian");
        s.AppendLine("optimisation needs to get within 1 % of the optimum (|f − f*| ≤ 0.01·|f*|) is at most a third of random search's.");
        s.AppendLine();
        s.AppendLine("Measured by `dotnet run -c Release --project benchmarks/EdgeRisk.Benchmarks -- tuning-optimiser docs/benchmarks`");
        s.AppendLine("(raw figures: [tuning-optimiser.json](tuning-optimiser.json)). Per seed, the GP optimiser (`GaussianProcessOptimiser`,");
        s.AppendLine("default options, seed = the seed) and random search (`RandomSearchOptimiser`, same seed) run alternately on the same");
        s.AppendLine("function with the same budget, each stopping when it gets within 1 %. Random search is then run on with the same seed");
        s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"until it gets there (at most {RandomCap:N0} evaluations), so its median is a number, not just \"more than the budget\"."));
        s.AppendLine();
        s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- **date** {r.Date}, **commit** `{r.Commit}`, {r.Processors} cores"));
        s.AppendLine($"- **machine load** (uptime) before: `{r.LoadBefore}`; after: `{r.LoadAfter}` — other builds were running alongside, so the times are upper bounds (the evaluation counts do not depend on load)");
        s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- whole benchmark: {r.ElapsedSeconds:0} s"));
        s.AppendLine();
        s.AppendLine("| function | budget | BO median evals | BO reached | random median evals (same budget) | random reached | random median evals (run on) | ratio BO / random | goal ≤ 1/3 | BO mean time per evaluation |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in r.Cases)
        {
            s.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Function} | {c.Budget} | {N(c.BoMedian)} | {c.BoReached}/{r.Seeds} | {(c.RandomMedian is null ? $"> {c.Budget}" : N(c.RandomMedian))} | {c.RandomReached}/{r.Seeds} | {(c.RandomRunOnMedian is null ? $"> {RandomCap:N0}" : N(c.RandomRunOnMedian))} | {(c.Ratio is null ? "n/a" : (c.RatioIsUpperBound ? "< " : string.Empty) + c.Ratio.Value.ToString("0.0000", CultureInfo.InvariantCulture))} | **{(c.GoalMet ? "met" : "missed")}** | {c.BoMillisecondsPerEvaluation:0} ms |"));
        }

        s.AppendLine();
        s.AppendLine("The ratio divides BO's median by random search's run-on median; the goal counts as met only when BO's median is a");
        s.AppendLine("number (it reached in more than half of the seeds within the budget) and the ratio is at most 1/3.");
        s.AppendLine();
        var t = r.Thousand;
        s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"**1,000 trials** (GP optimiser, Hartmann-6, seed 0, not stopping at the tolerance): {t.TotalSeconds:0} s in all;"));
        s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"mean time per ask {t.MsPerAskFirst200:0} ms over trials 1–200, {t.MsPerAsk201To500:0} ms over 201–500, {t.MsPerAsk501To1000:0} ms over 501–1000"));
        s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"(the GP sees at most `HistoryCap` = 200 trials; hyper-parameters are refitted when the told trials grew by 10 %); best {t.Best:0.00000}."));
        s.AppendLine();
        s.AppendLine("Per seed (evaluations to reach 1 %; `-` = not within the budget):");
        s.AppendLine();
        foreach (var c in r.Cases)
        {
            s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {c.Function} BO: {string.Join(", ", c.BoRuns.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "-"))}"));
            s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {c.Function} random (run on): {string.Join(", ", c.RandomRunOnRuns.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "-"))}"));
        }

        return s.ToString();
    }

    private static string Uptime()
    {
        try
        {
            var load = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{load[0]} {load[1]} {load[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true });
            var head = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? head : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private sealed record Report(string Date, string Commit, int Processors, string LoadBefore, string LoadAfter, int Seeds, double Tolerance, double ElapsedSeconds, IReadOnlyList<CaseResult> Cases, LongRun Thousand);

    private sealed record LongRun(int Trials, double TotalSeconds, double MsPerAskFirst200, double MsPerAsk201To500, double MsPerAsk501To1000, double Best);

    /// <summary>1,000 trials of the GP optimiser on Hartmann-6 (seed 0, not stopping at the tolerance): the time per ask once
    /// the history cap and the refit schedule are what bound it.</summary>
    private static LongRun Thousand()
    {
        var f = TestFunction.Hartmann6;
        var optimiser = new GaussianProcessOptimiser(f.Space, new GaussianProcessOptions { Seed = 0 });
        var ms = new double[1000];
        var best = double.PositiveInfinity;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < ms.Length; i++)
        {
            var ask = Stopwatch.StartNew();
            var trial = optimiser.Ask();
            ms[i] = ask.Elapsed.TotalMilliseconds;
            var value = f.Evaluate(trial.Values);
            best = Math.Min(best, value);
            optimiser.Tell(trial, value, feasible: true);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1,000 trials: {total.Elapsed.TotalSeconds:0} s"));
        return new LongRun(ms.Length, total.Elapsed.TotalSeconds, ms[..200].Average(), ms[200..500].Average(), ms[500..].Average(), best);
    }

    private sealed record CaseResult(
        string Function, double Optimum, int Budget, double? BoMedian, int BoReached, double? RandomMedian, int RandomReached,
        double? RandomRunOnMedian, double? Ratio, bool RatioIsUpperBound, bool GoalMet, double BoMillisecondsPerEvaluation,
        IReadOnlyList<int?> BoRuns, IReadOnlyList<int?> RandomRuns, IReadOnlyList<int?> RandomRunOnRuns)
    {
        public static CaseResult From(TestFunction f, int budget, List<BenchmarkRun> bo, List<BenchmarkRun> random, List<BenchmarkRun> runOn)
        {
            var boMedian = OptimiserBenchmark.Median(bo);
            var runOnMedian = OptimiserBenchmark.Median(runOn);
            // Random search that did not get there within RandomCap in most seeds: its median is above the cap, so the
            // ratio is below BO's median / RandomCap.
            double? ratio = boMedian is not null ? boMedian / (runOnMedian ?? RandomCap) : null;
            var evaluations = bo.Sum(b => b.EvaluationsToReach ?? b.Budget);
            return new CaseResult(
                f.Name, f.Minimum, budget, boMedian, bo.Count(b => b.EvaluationsToReach is not null), OptimiserBenchmark.Median(random),
                random.Count(b => b.EvaluationsToReach is not null), runOnMedian, ratio, runOnMedian is null, ratio is <= 1d / 3d,
                bo.Sum(b => b.Elapsed.TotalMilliseconds) / evaluations,
                bo.Select(b => b.EvaluationsToReach).ToArray(), random.Select(b => b.EvaluationsToReach).ToArray(), runOn.Select(b => b.EvaluationsToReach).ToArray());
        }
    }
}
