using System.Globalization;

namespace EdgeRisk.Trading.Routing;

/// <summary>Checks every key of a <see cref="RouterConfig"/> against its documented range.</summary>
public static class RouterConfigValidator
{
    private const int MaxMinutes = 10_080;

    /// <summary>Returns one message per invalid key, e.g. <c>trendExit must be in [0, 1) (trendEnter), got 2</c>; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(RouterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<string>();
        IntRange(errors, "volatilityWindowMinutes", config.VolatilityWindowMinutes, 2, MaxMinutes);
        IntRange(errors, "trendSlowMinutes", config.TrendSlowMinutes, 3, MaxMinutes);
        if (config.TrendFastMinutes < 2 || config.TrendFastMinutes >= config.TrendSlowMinutes)
        {
            errors.Add(Format($"trendFastMinutes must be in [2, {config.TrendSlowMinutes}) (below trendSlowMinutes), got {config.TrendFastMinutes}"));
        }

        if (!(config.TrendEnter > 0d && config.TrendEnter <= 100d))
        {
            errors.Add(Format($"trendEnter must be in (0, 100], got {config.TrendEnter}"));
        }

        if (!(config.TrendExit >= 0d && config.TrendExit < config.TrendEnter))
        {
            errors.Add(Format($"trendExit must be in [0, {config.TrendEnter}) (below trendEnter), got {config.TrendExit}"));
        }

        if (!(config.MaxVolatilityBps > 0d && config.MaxVolatilityBps <= 10_000d))
        {
            errors.Add(Format($"maxVolatilityBps must be in (0, 10000], got {config.MaxVolatilityBps}"));
        }

        if (!(config.VolatilityHysteresis >= 0d && config.VolatilityHysteresis <= 10d))
        {
            errors.Add(Format($"volatilityHysteresis must be in [0, 10], got {config.VolatilityHysteresis}"));
        }

        IntRange(errors, "minDwellMinutes", config.MinDwellMinutes, 0, MaxMinutes);
        Weights(errors, "shortRegimeWeights", config.ShortRegimeWeights);
        Weights(errors, "longRegimeWeights", config.LongRegimeWeights);
        return errors;
    }

    /// <summary>Throws <see cref="RouterConfigException"/> with a one-line message if the config is invalid.</summary>
    public static void ThrowIfInvalid(RouterConfig config, string source)
    {
        var errors = Validate(config);
        if (errors.Count > 0)
        {
            throw new RouterConfigException($"{source}: {string.Join("; ", errors)}");
        }
    }

    private static void IntRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(Format($"{key} must be in [{min}, {max}], got {value}"));
        }
    }

    private static void Weights(List<string> errors, string key, RegimeWeights? weights)
    {
        if (weights is null)
        {
            errors.Add($"{key} is required: {{\"short\": w, \"long\": 1 - w}} with w in [0, 1]");
            return;
        }

        if (!(weights.Short is >= 0d and <= 1d) || !(weights.Long is >= 0d and <= 1d) || Math.Abs(weights.Short + weights.Long - 1d) > 1e-9)
        {
            errors.Add(Format($"{key}.short and {key}.long must each be in [0, 1] and sum to 1, got {weights.Short} and {weights.Long}"));
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
