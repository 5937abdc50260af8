using EdgeRisk.Tuning.SearchSpace;

namespace EdgeRisk.Tuning.Optimisation;

/// <summary>A point an optimiser asks to evaluate: its number (0-based, in ask order) and one value per parameter of the space.</summary>
public sealed record Trial(int Number, IReadOnlyList<double> Values, TuneSpace Space)
{
    /// <summary>The value of the parameter named <paramref name="name"/>.</summary>
    public double this[string name]
    {
        get
        {
            for (var i = 0; i < Space.Parameters.Count; i++)
            {
                if (string.Equals(Space.Parameters[i].Name, name, StringComparison.Ordinal))
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"no parameter '{name}' in the search space");
        }
    }
}

/// <summary>A told trial: its objective (as told, in the optimiser's direction) and whether its constraints held.</summary>
public sealed record TrialResult(Trial Trial, double Objective, bool Feasible);

/// <summary>Whether the optimiser looks for the lowest or the highest objective.</summary>
public enum Direction
{
    Minimise,
    Maximise,
}
