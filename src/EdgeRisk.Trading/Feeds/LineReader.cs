namespace EdgeRisk.Trading.Feeds;

/// <summary>Reads lines from a text reader into one reusable buffer; no string per line.</summary>
internal sealed class LineReader
{
    private readonly TextReader _reader;
    private char[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    /// <param name="reader">The text to split.</param>
    /// <param name="bufferSize">
    /// Initial buffer in chars; it grows for longer lines. The default (32 KB) stays below the large-object heap, so
    /// opening a file per day does not cost a gen-2 collection every few files.
    /// </param>
    public LineReader(TextReader reader, int bufferSize = 1 << 14)
    {
        _reader = reader;
        _buffer = new char[bufferSize];
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf('\n');
            if (newline >= 0)
            {
                line = TrimCarriageReturn(pending[..newline]);
                _start += newline + 1;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }

                line = TrimCarriageReturn(pending);
                _start = _end;
                LineNumber++;
                return true;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }

    private static ReadOnlySpan<char> TrimCarriageReturn(ReadOnlySpan<char> line)
        => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
}
