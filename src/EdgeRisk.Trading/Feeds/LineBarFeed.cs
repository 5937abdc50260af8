using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// A bar file read line by line (<see cref="CsvBarFeed"/>, <see cref="LeanBarFeed"/>): empty lines are skipped, a row the
/// feed rejects is counted by reason with its line number and skipped, and a file that breaks off or cannot be read throws
/// <see cref="BadDataFileException"/> naming it; either way, and at the end, the feed is disposed.
/// </summary>
public abstract class LineBarFeed : IMarketFeed, IDisposable
{
    private readonly IFeedRejectionSink _sink;
    private bool _opened;
    private bool _done;

    private protected LineBarFeed(string source, IFeedRejectionSink? sink)
    {
        Source = source;
        _sink = sink ?? NullFeedRejectionSink.Instance;
    }

    /// <summary>The file (or name) rejections and errors are reported against.</summary>
    private protected string Source { get; }

    /// <summary>The lines being read: set at construction or by <see cref="Begin"/>.</summary>
    private protected LineReader? Lines { get; set; }

    public bool TryRead(out MarketEvent e)
    {
        e = default;
        if (_done)
        {
            return false;
        }

        try
        {
            if (!_opened)
            {
                _opened = true;
                Begin();
            }

            while (Lines!.TryReadLine(out var line))
            {
                if (line.IsEmpty)
                {
                    continue;
                }

                if (Parse(line, out e) is { } reason)
                {
                    _sink.OnRejected(reason, Source, Lines.LineNumber);
                    continue;
                }

                return true;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException and not BadDataFileException)
        {
            var lines = Lines?.LineNumber ?? 0;
            Dispose();
            throw DataFile.Corrupt(Source, ex, lines);
        }
        catch (BadDataFileException)
        {
            Dispose();
            throw;
        }

        Dispose();
        e = default;
        return false;
    }

    public void Dispose()
    {
        _done = true;
        Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Before the first line: opens the file (setting <see cref="Lines"/>) or reads its header.</summary>
    private protected abstract void Begin();

    /// <summary>The event of one non-empty line, or why the line is rejected.</summary>
    private protected abstract FeedRejectReason? Parse(ReadOnlySpan<char> line, out MarketEvent e);

    /// <summary>Releases the file; called once the feed is done (at the end, on an error, or when disposed).</summary>
    private protected abstract void Close();
}
