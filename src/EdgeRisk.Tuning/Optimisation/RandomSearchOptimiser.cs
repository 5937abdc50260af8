using EdgeRisk.Tuning.SearchSpace;

namespace EdgeRisk.Tuning.Optimisation;

/// <summary>Uniform random search over the unit cube (log parameters uniform in log space): the baseline.</summary>
public sealed class RandomSearchOptimiser : IOptimiser
{
    private readonly TrialBook _book;
    private readonly Random _random;

    public RandomSearchOptimiser(TuneSpace space, int seed, Direction direction = Direction.Minimise)
    {
        ArgumentNullException.ThrowIfNull(space);
        _book = new TrialBook(space, direction);
        _random = new Random(seed);
    }

    public IReadOnlyList<TrialResult> Results => _book.Results;

    public TrialResult? Best => _book.Best;

    public Trial Ask()
    {
        var unit = new double[_book.Space.Dimensions];
        for (var i = 0; i < unit.Length; i++)
        {
            unit[i] = _random.NextDouble();
        }

        return _book.Issue(unit);
    }

    public IReadOnlyList<Trial> Ask(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Enumerable.Range(0, count).Select(_ => Ask()).ToArray();
    }

    public void Tell(Trial trial, double objective, bool feasible) => _book.Record(trial, objective, feasible);
}
