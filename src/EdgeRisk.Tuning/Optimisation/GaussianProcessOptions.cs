namespace EdgeRisk.Tuning.Optimisation;

/// <summary>Settings of <see cref="GaussianProcessOptimiser"/>; the defaults are the ones the benchmark measured.</summary>
public sealed class GaussianProcessOptions
{
    /// <summary>Seeds the initial design, the candidates and the hyper-parameter restarts.</summary>
    public int Seed { get; init; }

    public Direction Direction { get; init; } = Direction.Minimise;

    /// <summary>Trials from the space-filling initial design (Latin hypercube) before the GP takes over; null: 2 × (dimensions + 1).</summary>
    public int? InitialTrials { get; init; }

    /// <summary>Random candidates the expected improvement is evaluated on per ask (plus perturbations of the best points and a local refinement).</summary>
    public int Candidates { get; init; } = 1000;

    /// <summary>Most told trials the GP is fitted on: the best quarter and the most recent rest (keeps an ask fast at 1,000 trials).</summary>
    public int HistoryCap { get; init; } = 200;

    /// <summary>Hyper-parameters are refitted when the told trials grew by this fraction since the last fit (at least one);
    /// in between, the GP is conditioned on the new data with the last hyper-parameters.</summary>
    public double RefitGrowth { get; init; } = 0.1;

    /// <summary>Random restarts of the likelihood ascent on each refit, besides the warm start from the last fit.</summary>
    public int Restarts { get; init; } = 2;

    /// <summary>After this many tells without the best feasible objective improving by more than 1 % of its observed range, one ask explores (lowest lower confidence bound
    /// μ − 5σ) instead of maximising the expected improvement; then again after as many more.</summary>
    public int StallTrials { get; init; } = 10;

    /// <summary>Exploration margin of the expected improvement, in standard deviations of the objective.</summary>
    public double Xi { get; init; }

    internal void Validate(int dimensions, string paramName)
    {
        if (InitialTrials is < 1)
        {
            throw new ArgumentException("InitialTrials must be ≥ 1 (or null for 2 × (dimensions + 1))", paramName);
        }

        if (Candidates < 1 || HistoryCap < Math.Max(4, dimensions + 1) || RefitGrowth is < 0d or > 10d || Restarts < 0 || Xi < 0d || StallTrials < 1)
        {
            throw new ArgumentException("Candidates must be ≥ 1, HistoryCap ≥ max(4, dimensions + 1), RefitGrowth in [0, 10], Restarts ≥ 0, Xi ≥ 0, StallTrials ≥ 1", paramName);
        }
    }
}
