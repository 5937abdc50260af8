using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>One LEAN minute file of a replay day and the shift that moves its day onto the virtual day it plays.</summary>
internal sealed record LeanDayFile(string Path, Symbol Symbol, LeanFileOptions Options, TimeSpan Offset)
{
    /// <summary>What the file reads as, whichever day plays it.</summary>
    public (string Path, Symbol Symbol, LeanFileOptions Options) Source => (Path, Symbol, Options);
}

/// <summary>
/// Plays virtual days one after another, each the time-ordered merge of its LEAN minute files. A day's files are opened
/// only when the previous day is exhausted, so memory stays that of one day however many are played. This is the same
/// stream as merging every day's files at once: minute bars of virtual day i end in (day i 00:00, day i + 1 00:00], so
/// no two days overlap. A file that several days play (a SYNTHETIC plan cycling its source days) is parsed once, on its
/// first day, and replayed re-dated on the others (<see cref="LeanFileSnapshot"/>); it is dropped after its last day.
/// A file that breaks off mid-way throws <see cref="BadDataFileException"/>, or with <c>skipBadFiles</c> is reported to
/// the sink and the rest of it skipped.
/// </summary>
internal sealed class LeanDaySequence : IMarketFeed, IDisposable
{
    private readonly IReadOnlyList<IReadOnlyList<LeanDayFile>> _days;
    private readonly IFeedRejectionSink _sink;
    private readonly bool _skipBadFiles;
    private readonly Dictionary<(string Path, Symbol Symbol, LeanFileOptions Options), int> _usesLeft = [];
    private readonly Dictionary<(string Path, Symbol Symbol, LeanFileOptions Options), LeanFileSnapshot> _snapshots = [];
    private MergedFeed? _day;
    private int _nextDay;
    private bool _disposed;

    public LeanDaySequence(IReadOnlyList<IReadOnlyList<LeanDayFile>> days, IFeedRejectionSink sink, bool skipBadFiles)
    {
        _days = days;
        _sink = sink;
        _skipBadFiles = skipBadFiles;
        foreach (var day in days)
        {
            foreach (var file in day)
            {
                _usesLeft[file.Source] = _usesLeft.GetValueOrDefault(file.Source) + 1;
            }
        }
    }

    public bool TryRead(out MarketEvent e)
    {
        while (!_disposed)
        {
            if (_day is null)
            {
                if (_nextDay == _days.Count)
                {
                    break;
                }

                _day = OpenDay(_days[_nextDay++]);
            }

            if (_day.TryRead(out e))
            {
                return true;
            }

            _day.Dispose();
            _day = null;
        }

        e = default;
        return false;
    }

    public void Dispose()
    {
        _disposed = true;
        _day?.Dispose();
        _day = null;
        _snapshots.Clear();
    }

    private MergedFeed OpenDay(IReadOnlyList<LeanDayFile> files)
    {
        var feeds = new IMarketFeed[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var usesLeft = --_usesLeft[file.Source];
            if (!_snapshots.TryGetValue(file.Source, out var snapshot) && usesLeft == 0)
            {
                // Played once (or for the last time with nothing cached): stream it.
                var reader = new LeanBarFeed(file.Path, file.Symbol, file.Options, _sink);
                feeds[i] = new RedatingFeed(_skipBadFiles ? new BadFileGuard(reader, _sink) : reader, file.Offset);
                continue;
            }

            if (snapshot is null)
            {
                snapshot = LeanFileSnapshot.Read(file.Path, file.Symbol, file.Options, _skipBadFiles);
                _snapshots.Add(file.Source, snapshot);
            }

            if (usesLeft == 0)
            {
                _snapshots.Remove(file.Source);
            }

            feeds[i] = snapshot.Replay(file.Offset, _sink);
        }

        return new MergedFeed(feeds);
    }
}
