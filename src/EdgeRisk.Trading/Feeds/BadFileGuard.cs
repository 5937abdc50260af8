using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// A file's feed in a replay that skips bad files: when the file turns out unreadable mid-way, the rest of it is skipped
/// and reported to the sink instead of failing the replay; the events read before stay played.
/// </summary>
internal sealed class BadFileGuard(IMarketFeed inner, IFeedRejectionSink sink) : IMarketFeed, IDisposable
{
    private bool _done;

    public bool TryRead(out MarketEvent e)
    {
        if (!_done)
        {
            try
            {
                if (inner.TryRead(out e))
                {
                    return true;
                }
            }
            catch (BadDataFileException bad)
            {
                sink.OnBadFile(bad.File);
            }

            Dispose();
        }

        e = default;
        return false;
    }

    public void Dispose()
    {
        _done = true;
        (inner as IDisposable)?.Dispose();
    }
}
