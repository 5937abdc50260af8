using EdgeRisk.Tuning.SearchSpace;
using MathNet.Numerics.Distributions;

namespace EdgeRisk.Tuning.Optimisation;

/// <summary>
/// Bayesian optimisation with a Gaussian-process surrogate: a Latin-hypercube initial design, then per ask a Matern-5/2
/// ARD GP on the feasible trials (inputs in the unit cube, objective standardised), expected improvement maximised over
/// random candidates, perturbations of the best trials and a local refinement. Constraints: a second GP on the
/// feasibility labels (+1/−1) gives a probability of feasibility that weights the expected improvement. Batches and
/// pending trials use the kriging believer (a pending trial counts as observed at the GP's mean), so parallel asks differ.
/// </summary>
public sealed partial class GaussianProcessOptimiser : IOptimiser
{
    private const double Same = 1e-9;
    private readonly TrialBook _book;
    private readonly GaussianProcessOptions _options;
    private readonly Random _random;
    private readonly double[][] _design;
    private KernelParameters? _objectiveKernel;
    private KernelParameters? _feasibilityKernel;
    private const double ExplorationKappa = 5d;
    private int _fittedAt;
    private int _exploredAt;

    public GaussianProcessOptimiser(TuneSpace space, GaussianProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(space.Dimensions, nameof(options));
        _options = options;
        _book = new TrialBook(space, options.Direction);
        _random = new Random(options.Seed);
        _design = LatinHypercube.Design(options.InitialTrials ?? (2 * (space.Dimensions + 1)), space.Dimensions, _random);
    }

    public IReadOnlyList<TrialResult> Results => _book.Results;

    public TrialResult? Best => _book.Best;

    /// <summary>Issued trials (told or pending).</summary>
    private int Issued => _book.Results.Count + _book.Pending.Count();

    public Trial Ask() => Ask(1)[0];

    public IReadOnlyList<Trial> Ask(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var trials = new List<Trial>(count);
        var refitted = false;
        while (trials.Count < count)
        {
            if (Issued < _design.Length)
            {
                var point = Snap(_design[Issued]);
                trials.Add(_book.Issue(IsTaken(point) ? Untaken() : point));
                continue;
            }

            trials.Add(_book.Issue(Propose(refit: !refitted)));
            refitted = true;
        }

        return trials;
    }

    public void Tell(Trial trial, double objective, bool feasible) => _book.Record(trial, objective, feasible);

    /// <summary>How much each parameter matters to the fitted GP: inverse ARD length-scales, normalised to sum to 1
    /// (a short length-scale means the objective changes fast along that input). Empty before the first GP fit.</summary>
    public IReadOnlyDictionary<string, double> Importance()
    {
        if (_objectiveKernel is null)
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }

        var inverse = _objectiveKernel.LogLengthScales.Select(l => Math.Exp(-l)).ToArray();
        var total = inverse.Sum();
        return _book.Space.Parameters.Select((p, i) => (p.Name, Value: inverse[i] / total))
            .ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);
    }

    private double[] Propose(bool refit)
    {
        var space = _book.Space;
        var told = _book.Results;
        var feasible = told.Where(r => r.Feasible).ToList();
        var pending = _book.Pending.Select(t => space.ToUnit(t.Values)).ToList();
        var doRefit = refit && told.Count - _fittedAt >= Math.Max(1, (int)(_fittedAt * _options.RefitGrowth));

        GaussianProcess? objective = null;
        double best = 0d;
        if (feasible.Count >= 1 && told.Count >= 2)
        {
            // Infeasible trials join the objective's data at the worst feasible objective seen (a penalty), so the GP
            // learns that the infeasible region is not worth a look; the feasibility GP below sharpens that at its edge.
            var worst = feasible.Max(r => _book.Minimised(r.Objective));
            var kept = Cap(told.Select(r => (Result: r, Value: r.Feasible ? _book.Minimised(r.Objective) : worst)).ToList());
            var x = kept.Select(r => space.ToUnit(r.Result.Trial.Values)).ToArray();
            var raw = kept.Select(r => r.Value).ToArray();
            var y = Standardise(raw, out var mean, out var sd);
            best = (feasible.Min(r => _book.Minimised(r.Objective)) - mean) / sd;
            objective = Model(x, y, ref _objectiveKernel, doRefit);
            objective = Believe(objective, x, y, pending);
        }

        GaussianProcess? feasibility = null;
        double labelMean = 0d, labelSd = 1d;
        if (told.Any(r => !r.Feasible))
        {
            var kept = told.Count > _options.HistoryCap ? told.Skip(told.Count - _options.HistoryCap).ToList() : told.ToList();
            var x = kept.Select(r => space.ToUnit(r.Trial.Values)).ToArray();
            var y = Standardise(kept.Select(r => r.Feasible ? 1d : -1d).ToArray(), out labelMean, out labelSd);
            feasibility = Model(x, y, ref _feasibilityKernel, doRefit);
        }

        if (doRefit)
        {
            _fittedAt = told.Count;
        }

        // Stalled: no better feasible trial in the last StallTrials tells. One ask then minimises the lower confidence bound
        // μ − 5σ instead: EI alone trusts the GP where the data crowd round a local minimum and never looks elsewhere.
        var sinceBest = TellsSinceImprovement(feasible);
        var explore = objective is not null && sinceBest >= _options.StallTrials && told.Count - _exploredAt >= _options.StallTrials;
        if (explore)
        {
            _exploredAt = told.Count;
        }

        double Score(double[] u)
        {
            var score = 1d;
            if (feasibility is not null)
            {
                var (m, s) = feasibility.Predict(u);
                score = Normal.CDF(0d, 1d, ((m * labelSd) + labelMean) / (s * labelSd));
            }

            if (objective is not null)
            {
                var (m, s) = objective.Predict(u);
                if (explore)
                {
                    return score * (Math.Max(best - m + (ExplorationKappa * s), 0d) + 1e-300);
                }

                var gain = best - m - _options.Xi;
                var z = gain / s;
                score *= Math.Max((gain * Normal.CDF(0d, 1d, z)) + (s * Normal.PDF(0d, 1d, z)), 0d) + 1e-300;
            }

            return score;
        }

        return Maximise(Score, feasible, pending);
    }

    private double[] Maximise(Func<double[], double> score, List<TrialResult> feasible, List<double[]> pending)
    {
        var space = _book.Space;
        var d = space.Dimensions;
        var candidates = new List<double[]>(_options.Candidates + 100);
        for (var i = 0; i < _options.Candidates; i++)
        {
            candidates.Add(RandomPoint(d));
        }

        var bestPoints = feasible.OrderBy(r => _book.Minimised(r.Objective)).Take(5).Select(r => space.ToUnit(r.Trial.Values)).ToList();
        foreach (var p in bestPoints)
        {
            for (var i = 0; i < 20; i++)
            {
                candidates.Add(Perturb(p, 0.05));
            }
        }

        var scored = candidates.Select(c => (Point: c, Score: score(c))).OrderByDescending(c => c.Score).ToList();

        // Local refinement: a shrinking random walk from the five best candidates, keeping improvements.
        var refined = new List<(double[] Point, double Score)>();
        foreach (var (start, startScore) in scored.Take(5))
        {
            var (point, value) = (start, startScore);
            var step = 0.05;
            for (var i = 0; i < 30; i++)
            {
                var trial = Perturb(point, step);
                var trialScore = score(trial);
                if (trialScore > value)
                {
                    (point, value) = (trial, trialScore);
                }
                else
                {
                    step *= 0.85;
                }
            }

            refined.Add((point, value));
        }

        foreach (var (point, _) in refined.Concat(scored).OrderByDescending(c => c.Score))
        {
            var snapped = Snap(point);
            if (!IsTaken(snapped))
            {
                return snapped;
            }
        }

        return Untaken();
    }

    /// <summary>Feasible tells since the best last improved by more than 1 % of the objective's observed range.</summary>
    private int TellsSinceImprovement(List<TrialResult> feasible)
    {
        if (feasible.Count == 0)
        {
            return 0;
        }

        var values = feasible.Select(r => _book.Minimised(r.Objective)).ToArray();
        var tolerance = 0.01 * (values.Max() - values.Min());
        var best = values[0];
        var at = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < best - tolerance)
            {
                at = i;
            }

            best = Math.Min(best, values[i]);
        }

        return values.Length - 1 - at;
    }

    private GaussianProcess Model(double[][] x, double[] y, ref KernelParameters? kernel, bool refit)
    {
        if (kernel is null || refit)
        {
            var gp = GaussianProcess.Fit(x, y, kernel ?? KernelParameters.Default(_book.Space.Dimensions), _options.Restarts, _random, iterations: 60);
            kernel = gp.Parameters;
            return gp;
        }

        return GaussianProcess.Condition(x, y, kernel);
    }

    /// <summary>Kriging believer: pending trials join the data at the GP's mean, so the next point is chosen elsewhere.</summary>
    private static GaussianProcess Believe(GaussianProcess gp, double[][] x, double[] y, List<double[]> pending)
    {
        if (pending.Count == 0)
        {
            return gp;
        }

        var believed = pending.Select(p => gp.Predict(p).Mean).ToArray();
        return GaussianProcess.Condition([.. x, .. pending], [.. y, .. believed], gp.Parameters);
    }

    private List<(TrialResult Result, double Value)> Cap(List<(TrialResult Result, double Value)> told)
    {
        if (told.Count <= _options.HistoryCap)
        {
            return told;
        }

        var bestCount = _options.HistoryCap / 4;
        var best = told.OrderBy(r => r.Value).Take(bestCount).Select(r => r.Result).ToHashSet();
        var recent = told.Where(r => !best.Contains(r.Result)).TakeLast(_options.HistoryCap - bestCount);
        return [.. told.Where(r => best.Contains(r.Result)), .. recent];
    }
}
