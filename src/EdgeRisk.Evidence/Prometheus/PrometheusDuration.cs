using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>Prometheus duration strings (<c>30s</c>, <c>1m30s</c>, <c>2h</c>, <c>500ms</c>; units y w d h m s ms).</summary>
public static partial class PrometheusDuration
{
    public static TimeSpan Parse(string text, string what)
    {
        var match = DurationPattern().Match(text ?? string.Empty);
        if (!match.Success || text!.Length == 0)
        {
            throw new EvidenceInputException($"{what}: '{text}' is not a Prometheus duration; use e.g. 30s, 1m30s or 2h");
        }

        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        long ms = 0;
        foreach (Capture capture in match.Groups["part"].Captures)
        {
            var part = capture.Value;
            var unitStart = part.IndexOfAny(['y', 'w', 'd', 'h', 'm', 's']);
            var value = long.Parse(part.AsSpan(0, unitStart), CultureInfo.InvariantCulture);
            ms += part[unitStart..] switch
            {
                "y" => value * 365 * 86_400_000,
                "w" => value * 7 * 86_400_000,
                "d" => value * 86_400_000,
                "h" => value * 3_600_000,
                "m" => value * 60_000,
                "s" => value * 1000,
                _ => value,
            };
        }

        return TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>Whole milliseconds, e.g. <c>74999ms</c>: exact for any duration, accepted in range selectors and subqueries.</summary>
    public static string Format(TimeSpan duration) =>
        ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    [GeneratedRegex("^(?:0|(?<part>[0-9]+(?:ms|y|w|d|h|m|s))+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
