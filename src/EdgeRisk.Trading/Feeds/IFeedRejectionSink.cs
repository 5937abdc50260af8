namespace EdgeRisk.Trading.Feeds;

/// <summary>Observes rejected input rows; the host maps these to a counter labelled by reason.</summary>
public interface IFeedRejectionSink
{
    /// <param name="reason">Why the row was dropped.</param>
    /// <param name="source">The file or feed name.</param>
    /// <param name="line">1-based line number in the source, 0 when not line-based.</param>
    void OnRejected(FeedRejectReason reason, string source, long line);
}
