using System.Globalization;

namespace EdgeRisk.Tuning.SearchSpace;

/// <summary>Where a tuned parameter lands: a JSON file under config/ and the dotted key path it sets there;
/// <see cref="ComplementKey"/>, when given, is set to <c>1 - value</c> (a regime weight pair that must sum to 1).</summary>
public sealed record ConfigTarget(string File, string Key, string? ComplementKey = null);

/// <summary>One tuned parameter: its range, whether it is searched in log space and whether it is an integer.</summary>
public sealed record ParameterSpec(string Name, double Min, double Max, bool Log = false, bool Int = false, ConfigTarget? Target = null)
{
    /// <summary>Maps a value of the parameter to [0, 1] (in log space for a log parameter).</summary>
    public double ToUnit(double value)
    {
        var u = Log ? (Math.Log(value) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min)) : (value - Min) / (Max - Min);
        return Math.Clamp(u, 0d, 1d);
    }

    /// <summary>Maps a point of [0, 1] to a value of the parameter, rounded (and kept in range) for an integer parameter.</summary>
    public double FromUnit(double unit)
    {
        var u = Math.Clamp(unit, 0d, 1d);
        var value = Log ? Math.Exp(Math.Log(Min) + (u * (Math.Log(Max) - Math.Log(Min)))) : Min + (u * (Max - Min));
        if (Int)
        {
            value = Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), Math.Ceiling(Min), Math.Floor(Max));
        }

        return Math.Clamp(value, Min, Max);
    }

    /// <summary>Why the spec is invalid (one line naming the parameter and the fix), or null when it is valid.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return "a parameter has no name: give each parameter a unique \"name\"";
        }

        if (!double.IsFinite(Min) || !double.IsFinite(Max) || Min >= Max)
        {
            return Format($"parameter '{Name}': min ({Min}) must be below max ({Max}); give a range with min < max");
        }

        if (Log && Min <= 0d)
        {
            return Format($"parameter '{Name}': log needs min > 0, got min {Min}; raise min above 0 or set \"log\": false");
        }

        if (Int && Math.Ceiling(Min) > Math.Floor(Max))
        {
            return Format($"parameter '{Name}': int needs a whole number in [{Min}, {Max}]; widen the range or set \"int\": false");
        }

        return null;
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
