using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// k-way merge of time-ordered feeds into one time-ordered stream. Ties break deterministically: trades before
/// quotes, then by symbol id, then by source order, so the same inputs always give the same sequence.
/// </summary>
public sealed class MergedFeed : IMarketFeed, IDisposable
{
    private readonly IMarketFeed[] _sources;
    private readonly MarketEvent[] _heads;
    private readonly bool[] _has;
    private bool _primed;

    public MergedFeed(IReadOnlyList<IMarketFeed> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
        _heads = new MarketEvent[_sources.Length];
        _has = new bool[_sources.Length];
    }

    public bool TryRead(out MarketEvent e)
    {
        if (_sources.Length == 1)
        {
            // Nothing to merge (a replay of crypto days without equities): pass events straight through.
            return _sources[0].TryRead(out e);
        }

        if (!_primed)
        {
            _primed = true;
            for (var i = 0; i < _sources.Length; i++)
            {
                _has[i] = _sources[i].TryRead(out _heads[i]);
            }
        }

        var best = -1;
        for (var i = 0; i < _sources.Length; i++)
        {
            if (_has[i] && (best < 0 || Precedes(_heads[i], _heads[best])))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            e = default;
            return false;
        }

        e = _heads[best];
        _has[best] = _sources[best].TryRead(out _heads[best]);
        return true;
    }

    public void Dispose()
    {
        foreach (var source in _sources)
        {
            (source as IDisposable)?.Dispose();
        }
    }

    private static bool Precedes(in MarketEvent a, in MarketEvent b)
    {
        if (a.Time != b.Time)
        {
            return a.Time < b.Time;
        }

        if (a.Kind != b.Kind)
        {
            return a.Kind < b.Kind;
        }

        return a.Symbol.Id < b.Symbol.Id;
    }
}
