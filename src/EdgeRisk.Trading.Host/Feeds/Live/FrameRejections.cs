namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>The checks every exchange frame parser makes before an event reaches the engine, counting each rejection by its reason.</summary>
internal sealed class FrameRejections(Action<string> reject)
{
    /// <summary>True with the value for a decimal string; else counted as missing_field, nan, overflow or non_numeric.</summary>
    public bool Number(string? text, out decimal value)
    {
        if (DecimalText.TryParse(text, out value))
        {
            return true;
        }

        reject(text is null ? RejectReasonLabel.MissingField : RejectReasonLabel.Of(FeedRejectReasons.OfUnparsableNumber(text, DecimalText.Styles)));
        return false;
    }

    /// <summary>True when the field is there; else counted as missing_field.</summary>
    public bool Present<T>(T? field, out T value)
        where T : struct
    {
        if (field is { } found)
        {
            value = found;
            return true;
        }

        value = default;
        reject(RejectReasonLabel.MissingField);
        return false;
    }

    /// <summary>True for sizes of zero or more; else counted as negative_volume.</summary>
    public bool NonNegative(decimal size, decimal otherSize = 0m)
    {
        if (size >= 0m && otherSize >= 0m)
        {
            return true;
        }

        reject(RejectReasonLabel.NegativeVolume);
        return false;
    }

    /// <summary>True when bid ≤ ask; else counted as crossed_quote.</summary>
    public bool NotCrossed(decimal bid, decimal ask)
    {
        if (bid <= ask)
        {
            return true;
        }

        reject(RejectReasonLabel.CrossedQuote);
        return false;
    }

    /// <summary>True with the symbol when the exchange's name is one the feed trades; else counted as unknown_symbol.</summary>
    public bool Known(Symbol? found, out Symbol symbol)
    {
        if (found is not null)
        {
            symbol = found;
            return true;
        }

        symbol = null!;
        reject(RejectReasonLabel.UnknownSymbol);
        return false;
    }

    /// <summary>True for a price above zero; else counted as non_positive_price.</summary>
    public bool Positive(decimal price)
    {
        if (price > 0m)
        {
            return true;
        }

        reject(RejectReasonLabel.NonPositivePrice);
        return false;
    }
}
