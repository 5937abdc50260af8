using System.Globalization;
using System.Text.Json;

namespace EdgeRisk.Tuning.Tune;

/// <summary>
/// The objective and its constraints, read from a backtest's result.json: the paper book's statistics, and the strategy's
/// peak VaR utilisation against the warning line (<c>risk.maxVarUtilisation</c> ≤ <c>risk.varWarningLine</c>, 0.90: the
/// VarHigh alert's line).
/// </summary>
public sealed record ObjectiveOptions
{
    /// <summary>The statistic maximised (paper.statistics.&lt;name&gt;): sharpe after costs by default.</summary>
    public string Statistic { get; init; } = "sharpe";

    /// <summary>Constraint: the paper book's max drawdown (a fraction of the peak) must not exceed this.</summary>
    public double MaxDrawdown { get; init; } = 0.05;

    private static readonly string[] Statistics = ["sharpe", "sortino", "netReturn"];

    public void Validate()
    {
        if (Array.IndexOf(Statistics, Statistic) < 0)
        {
            throw new TuneException($"objective '{Statistic}' is not valid: give one of {string.Join(", ", Statistics)}");
        }

        if (!(MaxDrawdown > 0d && MaxDrawdown <= 1d))
        {
            throw new TuneException(string.Create(CultureInfo.InvariantCulture, $"max drawdown {MaxDrawdown} is not valid: give a fraction in (0, 1]"));
        }
    }
}

/// <summary>One trial's judgement: the objective, whether every constraint held (and why not), and the statistics read.</summary>
public sealed record ObjectiveValue(double Objective, bool Feasible, string? Violation, IReadOnlyDictionary<string, double> Statistics);

/// <summary>Judges a backtest result: fail closed, so a missing statistic or a result that is not a backtest's is infeasible.</summary>
public static class TuneObjective
{
    private const string MaxVarUtilisation = "maxVarUtilisation";
    private const string VarWarningLine = "varWarningLine";

    public static ObjectiveValue Evaluate(string? resultJson, ObjectiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var statistics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(resultJson))
        {
            return new ObjectiveValue(double.NaN, false, "no result", statistics);
        }

        try
        {
            using var document = JsonDocument.Parse(resultJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("paper", out var paper) || paper.ValueKind != JsonValueKind.Object
                || !paper.TryGetProperty("statistics", out var stats) || stats.ValueKind != JsonValueKind.Object)
            {
                return new ObjectiveValue(double.NaN, false, "result has no paper.statistics", statistics);
            }

            ReadNumbers(stats, statistics);
            if (document.RootElement.TryGetProperty("risk", out var risk) && risk.ValueKind == JsonValueKind.Object)
            {
                ReadNumbers(risk, statistics);
            }
        }
        catch (JsonException)
        {
            return new ObjectiveValue(double.NaN, false, "result is not JSON", statistics);
        }

        if (!statistics.TryGetValue(options.Statistic, out var objective))
        {
            return new ObjectiveValue(double.NaN, false, $"paper.statistics.{options.Statistic} missing", statistics);
        }

        if (!statistics.TryGetValue("maxDrawdown", out var drawdown))
        {
            return new ObjectiveValue(objective, false, "paper.statistics.maxDrawdown missing", statistics);
        }

        if (drawdown > options.MaxDrawdown)
        {
            return new ObjectiveValue(objective, false,
                string.Create(CultureInfo.InvariantCulture, $"max drawdown {drawdown:0.####} > {options.MaxDrawdown:0.####}"), statistics);
        }

        if (!statistics.TryGetValue(MaxVarUtilisation, out var varUtilisation))
        {
            return new ObjectiveValue(objective, false, "risk.maxVarUtilisation missing", statistics);
        }

        if (!statistics.TryGetValue(VarWarningLine, out var warningLine))
        {
            return new ObjectiveValue(objective, false, "risk.varWarningLine missing", statistics);
        }

        if (varUtilisation > warningLine)
        {
            return new ObjectiveValue(objective, false,
                string.Create(CultureInfo.InvariantCulture, $"VaR utilisation {varUtilisation:0.####} > warning line {warningLine:0.####}"), statistics);
        }

        return new ObjectiveValue(objective, true, null, statistics);
    }

    private static void ReadNumbers(JsonElement element, Dictionary<string, double> into)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var number) && double.IsFinite(number))
            {
                into[property.Name] = number;
            }
        }
    }
}
