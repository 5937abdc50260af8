namespace EdgeRisk.Tuning.SearchSpace;

/// <summary>The parameters a tuning run searches, in a fixed order (the order of the file).</summary>
public sealed class TuneSpace
{
    public TuneSpace(IReadOnlyList<ParameterSpec> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new TuneSpaceException("the search space has no parameters: list at least one under \"parameters\"");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in parameters)
        {
            if (p.Problem() is { } problem)
            {
                throw new TuneSpaceException(problem);
            }

            if (!names.Add(p.Name))
            {
                throw new TuneSpaceException($"parameter '{p.Name}' is listed twice: give each parameter a unique name");
            }
        }

        Parameters = parameters.ToArray();
    }

    public IReadOnlyList<ParameterSpec> Parameters { get; }

    public int Dimensions => Parameters.Count;

    /// <summary>The values of a point of the unit cube (ints rounded).</summary>
    public double[] FromUnit(IReadOnlyList<double> unit) => Map(unit, static (parameter, u) => parameter.FromUnit(u));

    /// <summary>The point of the unit cube a set of values maps to.</summary>
    public double[] ToUnit(IReadOnlyList<double> values) => Map(values, static (parameter, v) => parameter.ToUnit(v));

    private double[] Map(IReadOnlyList<double> point, Func<ParameterSpec, double, double> map)
    {
        ArgumentNullException.ThrowIfNull(point);
        var mapped = new double[Parameters.Count];
        for (var i = 0; i < mapped.Length; i++)
        {
            mapped[i] = map(Parameters[i], point[i]);
        }

        return mapped;
    }
}
