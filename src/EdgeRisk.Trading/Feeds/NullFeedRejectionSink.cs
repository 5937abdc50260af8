namespace EdgeRisk.Trading.Feeds;

/// <summary>Discards rejections.</summary>
public sealed class NullFeedRejectionSink : IFeedRejectionSink
{
    public static readonly NullFeedRejectionSink Instance = new();

    private NullFeedRejectionSink()
    {
    }

    public void OnRejected(FeedRejectReason reason, string source, long line)
    {
    }

    public void OnBadFile(BadDataFile file)
    {
    }
}
