namespace EdgeRisk.Trading.Feeds;

/// <summary>Value checks shared by all readers; time-order checks are per reader.</summary>
internal static class BarValidator
{
    public static FeedRejectReason? CheckTrade(decimal open, decimal high, decimal low, decimal close, decimal volume)
    {
        if (open <= 0m || high <= 0m || low <= 0m || close <= 0m)
        {
            return FeedRejectReason.NonPositivePrice;
        }

        if (volume < 0m)
        {
            return FeedRejectReason.NegativeVolume;
        }

        if (high < low || open > high || open < low || close > high || close < low)
        {
            return FeedRejectReason.InconsistentBar;
        }

        return null;
    }

    public static FeedRejectReason? CheckQuote(decimal bid, decimal bidSize, decimal ask, decimal askSize)
    {
        if (bid <= 0m || ask <= 0m)
        {
            return FeedRejectReason.NonPositivePrice;
        }

        if (bidSize < 0m || askSize < 0m)
        {
            return FeedRejectReason.NegativeVolume;
        }

        return bid > ask ? FeedRejectReason.CrossedQuote : null;
    }

    public static FeedRejectReason? CheckOrder(DateTime time, DateTime previous)
    {
        if (previous == default)
        {
            return null;
        }

        if (time < previous)
        {
            return FeedRejectReason.OutOfOrderTimestamp;
        }

        return time == previous ? FeedRejectReason.DuplicateTimestamp : null;
    }
}
