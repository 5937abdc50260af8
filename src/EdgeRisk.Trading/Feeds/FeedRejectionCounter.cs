namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// Counts rejections by reason, keeping the first few and the first of each reason for diagnostics, and the bad files
/// skipped (each file once). Optionally forwards to another sink.
/// </summary>
public sealed class FeedRejectionCounter : IFeedRejectionSink
{
    private const int MaxSamples = 20;
    private readonly long[] _counts = new long[Enum.GetValues<FeedRejectReason>().Length];
    private readonly FeedRejection?[] _first = new FeedRejection?[Enum.GetValues<FeedRejectReason>().Length];
    private readonly List<FeedRejection> _samples = [];
    private readonly List<BadDataFile> _badFiles = [];
    private readonly IFeedRejectionSink? _next;

    public FeedRejectionCounter(IFeedRejectionSink? next = null) => _next = next;

    public long Total { get; private set; }

    /// <summary>The first rejections seen, for error messages and logs.</summary>
    public IReadOnlyList<FeedRejection> Samples => _samples;

    /// <summary>Files skipped as unreadable, in the order first reported, each once however often it was played.</summary>
    public IReadOnlyList<BadDataFile> BadFiles => _badFiles;

    public long Count(FeedRejectReason reason) => _counts[(int)reason];

    /// <summary>The first row rejected for <paramref name="reason"/>, or null when none was.</summary>
    public FeedRejection? First(FeedRejectReason reason) => _first[(int)reason];

    /// <summary>Every reason seen with its count and first row: most frequent first, ties in <see cref="FeedRejectReason"/> order.</summary>
    public IReadOnlyList<FeedRejectionCount> ByReason()
    {
        var counts = new List<FeedRejectionCount>();
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_first[i] is { } first)
            {
                counts.Add(new FeedRejectionCount((FeedRejectReason)i, _counts[i], first));
            }
        }

        // List.Sort is unstable; the reason breaks ties.
        counts.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Reason.CompareTo(b.Reason));
        return counts;
    }

    public void OnRejected(FeedRejectReason reason, string source, long line)
    {
        _counts[(int)reason]++;
        Total++;
        if (_first[(int)reason] is null || _samples.Count < MaxSamples)
        {
            var rejection = new FeedRejection(reason, source, line);
            _first[(int)reason] ??= rejection;
            if (_samples.Count < MaxSamples)
            {
                _samples.Add(rejection);
            }
        }

        _next?.OnRejected(reason, source, line);
    }

    public void OnBadFile(BadDataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!_badFiles.Exists(f => f.Path == file.Path))
        {
            _badFiles.Add(file);
        }

        _next?.OnBadFile(file);
    }
}

/// <summary>One rejected row.</summary>
public sealed record FeedRejection(FeedRejectReason Reason, string Source, long Line);

/// <summary>How many rows were rejected for one reason, and the first of them.</summary>
public sealed record FeedRejectionCount(FeedRejectReason Reason, long Count, FeedRejection First);
