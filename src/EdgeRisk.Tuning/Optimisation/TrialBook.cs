using EdgeRisk.Tuning.SearchSpace;

namespace EdgeRisk.Tuning.Optimisation;

/// <summary>The bookkeeping both optimisers share: trial numbers, pending (asked, untold) trials, results and the best.</summary>
internal sealed class TrialBook(TuneSpace space, Direction direction)
{
    private readonly Dictionary<int, Trial> _pending = [];
    private readonly List<TrialResult> _results = [];
    private int _next;

    public TuneSpace Space { get; } = space;

    public Direction Direction { get; } = direction;

    public IReadOnlyList<TrialResult> Results => _results;

    public IEnumerable<Trial> Pending => _pending.Values.OrderBy(t => t.Number);

    public TrialResult? Best { get; private set; }

    public Trial Issue(double[] unit)
    {
        var trial = new Trial(_next++, Space.FromUnit(unit), Space);
        _pending.Add(trial.Number, trial);
        return trial;
    }

    public void Record(Trial trial, double objective, bool feasible)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (!_pending.TryGetValue(trial.Number, out var asked) || !ReferenceEquals(asked, trial))
        {
            throw new ArgumentException($"trial {trial.Number} was not asked of this optimiser or was already told; tell each asked trial once", nameof(trial));
        }

        if (feasible && !double.IsFinite(objective))
        {
            throw new ArgumentException($"trial {trial.Number}: objective {objective} is not a finite number; tell it as infeasible", nameof(objective));
        }

        _pending.Remove(trial.Number);
        var result = new TrialResult(trial, objective, feasible);
        _results.Add(result);
        if (feasible && (Best is null || Better(objective, Best.Objective)))
        {
            Best = result;
        }
    }

    /// <summary>The objective as a value to minimise.</summary>
    public double Minimised(double objective) => Direction == Direction.Maximise ? -objective : objective;

    private bool Better(double a, double b) => Minimised(a) < Minimised(b);
}
