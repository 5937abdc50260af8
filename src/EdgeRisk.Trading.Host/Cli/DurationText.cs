using System.Globalization;

namespace EdgeRisk.Trading.Host.Cli;

/// <summary>Parses durations written as a number and a unit: <c>500ms</c>, <c>15s</c>, <c>90m</c>, <c>48h</c>, <c>2d</c>.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var unitStart = text.Length;
        while (unitStart > 0 && char.IsLetter(text[unitStart - 1]))
        {
            unitStart--;
        }

        if (!double.TryParse(text.AsSpan(0, unitStart), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount))
        {
            return false;
        }

        double? seconds = text[unitStart..] switch
        {
            "ms" => amount / 1000d,
            "s" => amount,
            "m" => amount * 60d,
            "h" => amount * 3600d,
            "d" => amount * 86400d,
            _ => null,
        };
        if (seconds is null || Math.Abs(seconds.Value) > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds.Value);
        return true;
    }

    public static string Format(TimeSpan value) => value.TotalHours >= 1 && value.TotalHours == Math.Floor(value.TotalHours)
        ? $"{value.TotalHours.ToString(CultureInfo.InvariantCulture)}h"
        : $"{value.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
}
