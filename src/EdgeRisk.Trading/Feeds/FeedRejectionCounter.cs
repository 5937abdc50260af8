namespace EdgeRisk.Trading.Feeds;

/// <summary>Counts rejections by reason and keeps the first few for diagnostics. Optionally forwards to another sink.</summary>
public sealed class FeedRejectionCounter : IFeedRejectionSink
{
    private const int MaxSamples = 20;
    private readonly long[] _counts = new long[Enum.GetValues<FeedRejectReason>().Length];
    private readonly List<FeedRejection> _samples = [];
    private readonly IFeedRejectionSink? _next;

    public FeedRejectionCounter(IFeedRejectionSink? next = null) => _next = next;

    public long Total { get; private set; }

    /// <summary>The first rejections seen, for error messages and logs.</summary>
    public IReadOnlyList<FeedRejection> Samples => _samples;

    public long Count(FeedRejectReason reason) => _counts[(int)reason];

    public void OnRejected(FeedRejectReason reason, string source, long line)
    {
        _counts[(int)reason]++;
        Total++;
        if (_samples.Count < MaxSamples)
        {
            _samples.Add(new FeedRejection(reason, source, line));
        }

        _next?.OnRejected(reason, source, line);
    }
}

/// <summary>One rejected row.</summary>
public sealed record FeedRejection(FeedRejectReason Reason, string Source, long Line);
