using System.Diagnostics;

namespace EdgeRisk.Tuning.Optimisation;

/// <summary>One optimiser run on a test function: evaluations until within the tolerance of the minimum (null: not within the budget).</summary>
public sealed record BenchmarkRun(string Function, string Optimiser, int Seed, int Budget, int? EvaluationsToReach, double BestValue, TimeSpan Elapsed);

/// <summary>Runs an optimiser on a <see cref="TestFunction"/> in ask-and-tell until it gets within a fraction of the minimum or the budget is spent.</summary>
public static class OptimiserBenchmark
{
    public static BenchmarkRun Run(string optimiserName, IOptimiser optimiser, TestFunction function, int seed, int budget, double fraction)
    {
        ArgumentNullException.ThrowIfNull(optimiser);
        ArgumentNullException.ThrowIfNull(function);
        var clock = Stopwatch.StartNew();
        var best = double.PositiveInfinity;
        for (var evaluation = 1; evaluation <= budget; evaluation++)
        {
            var trial = optimiser.Ask();
            var value = function.Evaluate(trial.Values);
            optimiser.Tell(trial, value, feasible: true);
            best = Math.Min(best, value);
            if (function.Reached(value, fraction))
            {
                return new BenchmarkRun(function.Name, optimiserName, seed, budget, evaluation, best, clock.Elapsed);
            }
        }

        return new BenchmarkRun(function.Name, optimiserName, seed, budget, null, best, clock.Elapsed);
    }

    /// <summary>The median of evaluations-to-reach where a run that missed counts as more than any run that reached;
    /// null when the median run missed.</summary>
    public static double? Median(IReadOnlyList<BenchmarkRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sorted = runs.Select(r => r.EvaluationsToReach ?? int.MaxValue).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var low = sorted[(sorted.Length - 1) / 2];
        var high = sorted[sorted.Length / 2];
        return low == int.MaxValue || high == int.MaxValue ? null : (low + (double)high) / 2d;
    }
}
