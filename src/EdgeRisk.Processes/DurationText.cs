using System.Globalization;
using System.Text;

namespace EdgeRisk.Processes;

/// <summary>
/// Durations as text: one or more groups of a number and a unit (<c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>),
/// e.g. <c>48h</c>, <c>1h30m</c>, <c>90m</c>, <c>1.5h</c>, <c>500ms</c>, optionally signed (<c>-1h</c>).
/// <see cref="Format"/> writes the canonical form (<c>1h30m</c>, <c>30m</c>, <c>1m30s</c>, <c>0.5s</c>) that
/// <see cref="TryParse"/> reads back to the same tick: the one way the build passes a duration on to a tool and the
/// one way <c>edgerisk-trading</c>'s option parser reads it.
/// </summary>
public static class DurationText
{
    private static readonly (string Unit, long Ticks)[] Units =
    [
        ("ms", TimeSpan.TicksPerMillisecond),
        ("d", TimeSpan.TicksPerDay),
        ("h", TimeSpan.TicksPerHour),
        ("m", TimeSpan.TicksPerMinute),
        ("s", TimeSpan.TicksPerSecond),
    ];

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        var rest = text.AsSpan().Trim();
        var negative = rest.Length > 0 && rest[0] == '-';
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            rest = rest[1..];
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        // TimeSpan.MinValue has one tick more than MaxValue.
        var limit = negative ? -(decimal)TimeSpan.MinValue.Ticks : TimeSpan.MaxValue.Ticks;
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

    /// <summary>Hours, minutes and seconds with the zero parts left out (<c>48h</c>, <c>1h30m</c>, <c>1m30s</c>, <c>0.25s</c>, <c>0s</c>).</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        // Unsigned, so that TimeSpan.MinValue has a magnitude too.
        var ticks = value.Ticks < 0 ? (ulong)-(value.Ticks + 1) + 1 : (ulong)value.Ticks;
        var text = new StringBuilder(value.Ticks < 0 ? "-" : string.Empty);
        Append(text, ticks / TimeSpan.TicksPerHour, "h");
        Append(text, ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute, "m");
        var seconds = ticks % TimeSpan.TicksPerMinute;
        if (seconds > 0)
        {
            var fraction = seconds % TimeSpan.TicksPerSecond;
            text.Append((seconds / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture));
            if (fraction > 0)
            {
                text.Append('.').Append(fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0'));
            }

            text.Append('s');
        }

        return text.ToString();
    }

    private static (string Unit, long Ticks)? UnitAt(ReadOnlySpan<char> text)
    {
        foreach (var unit in Units)
        {
            if (text.StartsWith(unit.Unit, StringComparison.OrdinalIgnoreCase))
            {
                return unit;
            }
        }

        return null;
    }

    private static void Append(StringBuilder text, ulong amount, string unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
