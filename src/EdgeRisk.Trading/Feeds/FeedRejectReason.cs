namespace EdgeRisk.Trading.Feeds;

/// <summary>Why a row of market data was dropped before reaching the models.</summary>
public enum FeedRejectReason : byte
{
    /// <summary>Wrong column count or an unparsable number or timestamp.</summary>
    MalformedRow,
    /// <summary>A price written as NaN or infinity.</summary>
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
    /// <summary>A file or zip archive that ends early or cannot be decompressed.</summary>
    TruncatedInput,
    /// <summary>A ticker that is not configured for this run.</summary>
    UnknownSymbol,
}
