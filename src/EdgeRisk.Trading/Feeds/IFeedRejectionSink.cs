namespace EdgeRisk.Trading.Feeds;

/// <summary>Observes rejected input rows and skipped files; the host maps these to counters labelled by reason.</summary>
public interface IFeedRejectionSink
{
    /// <param name="reason">Why the row was dropped.</param>
    /// <param name="source">The file or feed name.</param>
    /// <param name="line">1-based line number in the source, 0 when not line-based.</param>
    void OnRejected(FeedRejectReason reason, string source, long line);

    /// <summary>A file that cannot be read and that the replay skips (<see cref="ReplayPlan.SkipBadFiles"/>); without that the replay fails instead.</summary>
    void OnBadFile(BadDataFile file);
}
