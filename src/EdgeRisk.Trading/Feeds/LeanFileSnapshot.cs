using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// One LEAN file read once into memory — its valid events in file order and its rejected rows, each with the number of
/// events that preceded it — so that a SYNTHETIC plan playing the same file on several virtual days parses it once and
/// replays it re-dated. A replay is indistinguishable from reading the file again through <see cref="LeanBarFeed"/> and
/// <see cref="RedatingFeed"/>: the same events shifted by the offset, and the same rejections (reason, file, line)
/// reported to the sink in the same order relative to the events, once per replay. So is a file that breaks off
/// mid-way in a replay that skips bad files: the events before the break, then the bad file.
/// </summary>
internal sealed class LeanFileSnapshot
{
    private readonly MarketEvent[] _events;
    private readonly Rejection[] _rejections;

    private LeanFileSnapshot(MarketEvent[] events, Rejection[] rejections)
    {
        _events = events;
        _rejections = rejections;
    }

    public int Count => _events.Length;

    /// <param name="skipBadFile">Record a file that breaks off mid-way as a bad file (<see cref="BadFileGuard"/>) instead of throwing.</param>
    public static LeanFileSnapshot Read(string path, Symbol symbol, LeanFileOptions options, bool skipBadFile)
    {
        var recorder = new Recorder();
        var events = new List<MarketEvent>(1440);
        var reader = new LeanBarFeed(path, symbol, options, recorder);
        IMarketFeed feed = skipBadFile ? new BadFileGuard(reader, recorder) : reader;
        try
        {
            while (feed.TryRead(out var e))
            {
                events.Add(e);
                recorder.EventsRead = events.Count;
            }
        }
        finally
        {
            reader.Dispose();
        }

        return new LeanFileSnapshot([.. events], [.. recorder.Rejections]);
    }

    /// <summary>A feed of the file's events with <paramref name="offset"/> added to every time.</summary>
    public IMarketFeed Replay(TimeSpan offset, IFeedRejectionSink sink) => new ReplayFeed(this, offset, sink);

    /// <summary>A rejected row, or (<see cref="File"/> set) the file breaking off, after <see cref="Before"/> events.</summary>
    private readonly record struct Rejection(FeedRejectReason Reason, string Source, long Line, int Before, BadDataFile? File = null);

    private sealed class Recorder : IFeedRejectionSink
    {
        public List<Rejection> Rejections { get; } = [];

        public int EventsRead { get; set; }

        public void OnRejected(FeedRejectReason reason, string source, long line) => Rejections.Add(new Rejection(reason, source, line, EventsRead));

        public void OnBadFile(BadDataFile file) => Rejections.Add(new Rejection(default, file.Path, 0, EventsRead, file));
    }

    private sealed class ReplayFeed(LeanFileSnapshot snapshot, TimeSpan offset, IFeedRejectionSink sink) : IMarketFeed
    {
        private int _next;
        private int _nextRejection;

        public bool TryRead(out MarketEvent e)
        {
            var rejections = snapshot._rejections;
            while (_nextRejection < rejections.Length && rejections[_nextRejection].Before <= _next)
            {
                var r = rejections[_nextRejection++];
                if (r.File is { } file)
                {
                    sink.OnBadFile(file);
                }
                else
                {
                    sink.OnRejected(r.Reason, r.Source, r.Line);
                }
            }

            var events = snapshot._events;
            if (_next < events.Length)
            {
                e = events[_next++];
                if (offset != TimeSpan.Zero)
                {
                    e = e with { Time = e.Time + offset };
                }

                return true;
            }

            e = default;
            return false;
        }
    }
}
