namespace EdgeRisk.Trading.Host.Metrics;

/// <summary>
/// The <c>reason</c> label values of <c>feed_rejected_total</c> (the metric contract's closed set): one per
/// <see cref="FeedRejectReason"/> of a data row, and those only an exchange feed has. The backtest prints the same names.
/// </summary>
public static class RejectReasonLabel
{
    public const string ColumnCount = "column_count";
    public const string BadTimestamp = "bad_timestamp";
    public const string NonNumeric = "non_numeric";
    public const string Overflow = "overflow";
    public const string NotANumber = "nan";
    public const string NonPositivePrice = "non_positive_price";
    public const string NegativeVolume = "negative_volume";
    public const string InconsistentBar = "inconsistent_bar";
    public const string CrossedQuote = "crossed_quote";
    public const string OutOfOrder = "out_of_order";
    public const string Duplicate = "duplicate";
    public const string UnknownSymbol = "unknown_symbol";

    /// <summary>An exchange frame that is not JSON, not a message the feed knows, or not text.</summary>
    public const string BadFrame = "bad_frame";

    /// <summary>An exchange message without a field the feed needs (sequence, time, price, ...).</summary>
    public const string MissingField = "missing_field";

    /// <summary>An exchange frame over the size limit (1 MiB).</summary>
    public const string OversizedFrame = "oversized_frame";

    public const string Stale = "stale";
    public const string Gap = "gap";

    public static readonly IReadOnlyList<string> All =
    [
        ColumnCount, BadTimestamp, NonNumeric, Overflow, NotANumber, NonPositivePrice, NegativeVolume, InconsistentBar, CrossedQuote,
        OutOfOrder, Duplicate, UnknownSymbol, BadFrame, MissingField, OversizedFrame, Stale, Gap,
    ];

    public static string Of(FeedRejectReason reason) => reason switch
    {
        FeedRejectReason.ColumnCount => ColumnCount,
        FeedRejectReason.BadTimestamp => BadTimestamp,
        FeedRejectReason.NonNumeric => NonNumeric,
        FeedRejectReason.Overflow => Overflow,
        FeedRejectReason.NotANumber => NotANumber,
        FeedRejectReason.NonPositivePrice => NonPositivePrice,
        FeedRejectReason.NegativeVolume => NegativeVolume,
        FeedRejectReason.InconsistentBar => InconsistentBar,
        FeedRejectReason.CrossedQuote => CrossedQuote,
        FeedRejectReason.OutOfOrderTimestamp => OutOfOrder,
        FeedRejectReason.DuplicateTimestamp => Duplicate,
        FeedRejectReason.UnknownSymbol => UnknownSymbol,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a feed reject reason"),
    };
}
