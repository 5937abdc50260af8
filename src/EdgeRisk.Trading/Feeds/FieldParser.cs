namespace EdgeRisk.Trading.Feeds;

/// <summary>Splits comma-separated spans and parses invariant decimals without allocating.</summary>
internal static class FieldParser
{
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

    /// <summary>Parses a number; text that is not one maps to <see cref="FeedRejectReasons.OfUnparsableNumber"/>.</summary>
    public static FeedRejectReason? ParseDecimal(ReadOnlySpan<char> field, out decimal value)
        => InvariantDecimal.TryParse(field, out value) ? null : FeedRejectReasons.OfUnparsableNumber(field, InvariantDecimal.Styles);

    /// <summary>
    /// A whole number of ASCII digits only, as <c>long.TryParse(field, NumberStyles.None, invariant)</c> reads it; the
    /// short all-digit form is read directly, anything else goes to <see cref="long.TryParse(ReadOnlySpan{char}, System.Globalization.NumberStyles, IFormatProvider?, out long)"/>.
    /// </summary>
    public static bool TryParseDigits(ReadOnlySpan<char> field, out long value)
    {
        // 18 digits cannot overflow a long.
        if (field.Length is > 0 and <= 18)
        {
            ulong n = 0;
            var i = 0;
            if (InvariantDecimal.ReadDigits(field, ref i, ref n) == field.Length)
            {
                value = (long)n;
                return true;
            }
        }

        return long.TryParse(field, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
