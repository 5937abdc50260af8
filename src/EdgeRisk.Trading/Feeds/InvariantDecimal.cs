using System.Globalization;
using System.Runtime.CompilerServices;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// Parses the numbers of data files exactly as <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out decimal)"/>
/// does with <see cref="Styles"/> and the invariant culture, only faster for the plain form almost every field has.
/// </summary>
/// <remarks>
/// Fast path: an optional <c>-</c>, one or more ASCII digits, optionally a <c>.</c> and one or more digits, at most 19
/// digits in all and not zero. Such text is its own decimal: the digits are the 96-bit mantissa and the count after the
/// point the scale, which is what <see cref="decimal"/>'s parser produces too (it keeps trailing zeros: <c>1.50</c> has
/// scale 2). Everything else — exponents, <c>+</c>, zero, more digits, anything odd — goes to <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out decimal)"/>
/// itself, so results are bit for bit the same for every input (tests compare them over every field of the shipped data).
/// </remarks>
public static class InvariantDecimal
{
    /// <summary>The styles the data-file readers accept: a leading sign, a decimal point and an exponent.</summary>
    public const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>At most this many digits fit in a <see cref="ulong"/> mantissa whatever they are.</summary>
    private const int MaxFastDigits = 19;

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
        => TryParsePlain(text, out value) || decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value);

    private static bool TryParsePlain(ReadOnlySpan<char> text, out decimal value)
    {
        value = default;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == '-')
        {
            negative = true;
            i = 1;
        }

        ulong mantissa = 0;
        var integerDigits = ReadDigits(text, ref i, ref mantissa);
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fractionDigits = ReadDigits(text, ref i, ref mantissa);
            if (fractionDigits == 0)
            {
                return false;
            }
        }

        // The mantissa may have wrapped past 19 digits; such text is rejected here before it is used.
        if (i != text.Length || integerDigits == 0 || integerDigits + fractionDigits > MaxFastDigits || mantissa == 0)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)fractionDigits);
        return true;
    }

    /// <summary>
    /// Reads the ASCII digits at <paramref name="i"/> onwards into <paramref name="value"/> (times ten plus the digit, wrapping
    /// past 19 digits: callers bound the count), leaves <paramref name="i"/> at the first non-digit and returns how many it read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ReadDigits(ReadOnlySpan<char> text, ref int i, ref ulong value)
    {
        var start = i;
        for (; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                break;
            }

            value = (value * 10) + digit;
        }

        return i - start;
    }
}
