using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// One LEAN file read once into memory — its valid events in file order and its rejected rows, each with the number of
/// events that preceded it — so that a SYNTHETIC plan playing the same file on several virtual days parses it once and
/// replays it re-dated. A replay is indistinguishable from reading the file again through <see cref="LeanBarFeed"/> and
/// <see cref="RedatingFeed"/>: the same events shifted by the offset, and the same rejections (reason, file, line)
/// reported to the sink in the same order relative to the events, once per replay.
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

    public static LeanFileSnapshot Read(string path, Symbol symbol, LeanFileOptions options)
    {
        var recorder = new Recorder();
        var events = new List<MarketEvent>(1440);
        using (var feed = new LeanBarFeed(path, symbol, options, recorder))
        {
            while (feed.TryRead(out var e))
            {
                events.Add(e);
                recorder.EventsRead = events.Count;
            }
        }

        return new LeanFileSnapshot([.. events], [.. recorder.Rejections]);
    }

    /// <summary>A feed of the file's events with <paramref name="offset"/> added to every time.</summary>
    public IMarketFeed Replay(TimeSpan offset, IFeedRejectionSink sink) => new ReplayFeed(this, offset, sink);

    private readonly record struct Rejection(FeedRejectReason Reason, string Source, long Line, int Before);

    private sealed class Recorder : IFeedRejectionSink
    {
        public List<Rejection> Rejections { get; } = [];

        public int EventsRead { get; set; }

        public void OnRejected(FeedRejectReason reason, string source, long line) => Rejections.Add(new Rejection(reason, source, line, EventsRead));
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
                sink.OnRejected(r.Reason, r.Source, r.Line);
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
