using System.Globalization;

namespace EdgeRisk.Trading.Host.Cli;

/// <summary>
/// Parses durations written as one or more groups of a number and a unit (<c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>,
/// <c>d</c>), optionally signed: <c>500ms</c>, <c>15s</c>, <c>90m</c>, <c>1h30m</c>, <c>1.5h</c>, <c>48h</c>, <c>2d</c>.
/// It reads the canonical text the build writes for any duration (<c>1h30m</c>, <c>1m30s</c>, <c>0.25s</c>) back to
/// the same tick, so a dry run replays exactly the length it was given.
/// </summary>
public static class DurationText
{
    private static readonly (string Unit, long Ticks)[] Units =
    [
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
        ("d", TimeSpan.TicksPerDay),
    ];

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var rest = (text ?? string.Empty).AsSpan();
        var negative = rest.StartsWith("-", StringComparison.Ordinal);
        if (negative || rest.StartsWith("+", StringComparison.Ordinal))
        {
            rest = rest[1..];
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        // Half the range, as before: room for the window arithmetic done on a parsed duration.
        var limit = TimeSpan.MaxValue.Ticks / 2m;
        var ticks = 0m;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            if (digits == 0 || !decimal.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            rest = rest[digits..];
            if (UnitAt(rest) is not var (unit, unitTicks) || amount > limit / unitTicks)
            {
                return false;
            }

            rest = rest[unit.Length..];
            ticks += amount * unitTicks;
            if (ticks > limit)
            {
                return false;
            }
        }

        value = TimeSpan.FromTicks((long)decimal.Round(negative ? -ticks : ticks, MidpointRounding.AwayFromZero));
        return true;
    }

    private static (string Unit, long Ticks)? UnitAt(ReadOnlySpan<char> text)
    {
        foreach (var unit in Units)
        {
            if (text.StartsWith(unit.Unit, StringComparison.Ordinal))
            {
                return unit;
            }
        }

        return null;
    }
}
