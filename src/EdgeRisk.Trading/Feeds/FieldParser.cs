using System.Globalization;

namespace EdgeRisk.Trading.Feeds;

/// <summary>Splits comma-separated spans and parses invariant decimals without allocating.</summary>
internal static class FieldParser
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Splits into at most <c>ranges.Length</c> fields; returns the field count, or −1 if there are more.</summary>
    public static int Split(ReadOnlySpan<char> line, Span<Range> ranges)
    {
        var count = line.Split(ranges, ',');
        if (count == ranges.Length && line[ranges[^1]].Contains(','))
        {
            return -1;
        }

        return count;
    }

    /// <summary>Parses a number; NaN/Infinity text maps to <see cref="FeedRejectReason.NotANumber"/>.</summary>
    public static FeedRejectReason? ParseDecimal(ReadOnlySpan<char> field, out decimal value)
    {
        if (decimal.TryParse(field, DecimalStyle, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }

        var trimmed = field.Trim().TrimStart('-').TrimStart('+');
        return trimmed.Equals("nan", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("inf", StringComparison.OrdinalIgnoreCase)
            || trimmed.SequenceEqual("∞")
            ? FeedRejectReason.NotANumber
            : FeedRejectReason.MalformedRow;
    }
}
