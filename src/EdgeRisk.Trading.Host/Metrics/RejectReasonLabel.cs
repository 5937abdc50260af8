using EdgeRisk.Trading.Feeds;

namespace EdgeRisk.Trading.Host.Metrics;

/// <summary>The <c>reason</c> label values of <c>feed_rejected_total</c> (the metric contract's closed set).</summary>
public static class RejectReasonLabel
{
    public const string Malformed = "malformed";
    public const string NonPositivePrice = "non_positive_price";
    public const string OutOfOrder = "out_of_order";
    public const string Duplicate = "duplicate";
    public const string UnknownSymbol = "unknown_symbol";
    public const string Truncated = "truncated";
    public const string Stale = "stale";
    public const string Gap = "gap";

    public static readonly IReadOnlyList<string> All = [Malformed, NonPositivePrice, OutOfOrder, Duplicate, UnknownSymbol, Truncated, Stale, Gap];

    /// <summary>Rows that are structurally or numerically invalid all count as malformed.</summary>
    public static string Of(FeedRejectReason reason) => reason switch
    {
        FeedRejectReason.NonPositivePrice => NonPositivePrice,
        FeedRejectReason.OutOfOrderTimestamp => OutOfOrder,
        FeedRejectReason.DuplicateTimestamp => Duplicate,
        FeedRejectReason.UnknownSymbol => UnknownSymbol,
        FeedRejectReason.TruncatedInput => Truncated,
        _ => Malformed,
    };
}
