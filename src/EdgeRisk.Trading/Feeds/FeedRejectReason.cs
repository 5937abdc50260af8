using System.Globalization;

namespace EdgeRisk.Trading.Feeds;

/// <summary>Why a row of market data was dropped before reaching the models. A closed set: each is one metric label.</summary>
public enum FeedRejectReason : byte
{
    /// <summary>More or fewer columns than the format has (a row cut off mid-way included).</summary>
    ColumnCount,
    /// <summary>A time column that is not a time of the format.</summary>
    BadTimestamp,
    /// <summary>A number column that is not a number.</summary>
    NonNumeric,
    /// <summary>A number too large for a decimal.</summary>
    Overflow,
    /// <summary>A number written as NaN or infinity.</summary>
    NotANumber,
    /// <summary>A price of zero or below.</summary>
    NonPositivePrice,
    /// <summary>A negative volume or quote size.</summary>
    NegativeVolume,
    /// <summary>High below low, or open/close outside the high-low range.</summary>
    InconsistentBar,
    /// <summary>Bid above ask.</summary>
    CrossedQuote,
    /// <summary>A bar older than the previous one of the same symbol and kind.</summary>
    OutOfOrderTimestamp,
    /// <summary>A bar with the same time as the previous one of the same symbol and kind.</summary>
    DuplicateTimestamp,
    /// <summary>A ticker that is not configured for this run.</summary>
    UnknownSymbol,
}

/// <summary>Classifications shared by every reader of market data (files and exchange frames).</summary>
public static class FeedRejectReasons
{
    /// <summary>
    /// Why <paramref name="text"/>, which did not parse as a decimal with <paramref name="styles"/>, is not a number:
    /// NaN or infinity text, a number beyond the decimal range, or anything else (non-numeric).
    /// </summary>
    public static FeedRejectReason OfUnparsableNumber(ReadOnlySpan<char> text, NumberStyles styles)
    {
        var trimmed = text.Trim().TrimStart('-').TrimStart('+');
        if (trimmed.Equals("nan", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("inf", StringComparison.OrdinalIgnoreCase)
            || trimmed.SequenceEqual("∞"))
        {
            return FeedRejectReason.NotANumber;
        }

        // A well-formed number that a decimal cannot hold (±7.9e28) still reads as a double (possibly infinite).
        return double.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) > (double)decimal.MaxValue
            ? FeedRejectReason.Overflow
            : FeedRejectReason.NonNumeric;
    }
}
