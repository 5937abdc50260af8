namespace EdgeRisk.Tuning.Optimisation;

/// <summary>
/// Ask-and-tell optimisation: <see cref="Ask()"/> a trial, evaluate it, <see cref="Tell"/> the objective and whether the
/// constraints held. Seeded and deterministic: the same seed and the same tells give the same asks.
/// </summary>
public interface IOptimiser
{
    /// <summary>The next trial to evaluate.</summary>
    Trial Ask();

    /// <summary><paramref name="count"/> distinct trials to evaluate in parallel (asked but untold trials are kept apart too).</summary>
    IReadOnlyList<Trial> Ask(int count);

    /// <summary>Records the result of an asked trial; <paramref name="feasible"/> false when a constraint failed (or the run did).
    /// Each trial is told once; an objective that is not a finite number must be told as infeasible.</summary>
    void Tell(Trial trial, double objective, bool feasible);

    /// <summary>The told trials, in tell order.</summary>
    IReadOnlyList<TrialResult> Results { get; }

    /// <summary>The best feasible result so far, or null when there is none.</summary>
    TrialResult? Best { get; }
}
