using System.Text;

namespace EdgeRisk.Evidence.Recordings;

/// <summary>
/// Reads the snapshots appended to a growing <c>--record-metrics</c> file since the last call, with the rules of
/// <see cref="RecordedMetricsReader"/>: a snapshot is complete once the next <c># snapshot</c> header follows it (or, when
/// the writer has exited, at a terminated end of file); a snapshot cut by a kill (an unterminated line, or the restarted
/// process's header glued to it) is dropped, and so is one not later than the one before. Only the metric names asked
/// for are kept.
/// </summary>
public sealed class RecordedFileTail(string path, IReadOnlySet<string> names)
{
    private readonly RecordedLineParser _lines = new(path);
    private long _offset;
    private long _line;
    private long? _lastEmitted;

    public string Path { get; } = path;

    /// <param name="writerExited">The process writing the file has exited: a terminated last snapshot is complete.</param>
    public List<RecordedSnapshot> ReadNew(bool writerExited)
    {
        var snapshots = new List<RecordedSnapshot>();
        if (!File.Exists(Path))
        {
            return snapshots;
        }

        byte[] bytes;
        using (var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16))
        {
            if (stream.Length <= _offset)
            {
                return snapshots;
            }

            stream.Seek(_offset, SeekOrigin.Begin);
            bytes = new byte[stream.Length - _offset];
            stream.ReadExactly(bytes);
        }

        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        long? pendingTime = null;
        var pendingStart = 0;
        var pendingLine = _line;
        var pending = new List<RecordedSample>();
        var position = 0;
        var line = _line;
        while (position < complete)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', position);
            var text = Encoding.UTF8.GetString(bytes, position, end - position);
            var lineStart = position;
            position = end + 1;
            line++;
            var marker = text.IndexOf(RecordedLineParser.SnapshotMarker, StringComparison.Ordinal);
            if (marker > 0)
            {
                // A killed writer's cut line with its successor's header glued on: the cut snapshot is lost.
                pendingTime = null;
                pending = [];
                text = text[marker..];
                marker = 0;
            }

            if (marker == 0)
            {
                if (pendingTime is { } time)
                {
                    Emit(snapshots, time, pending);
                }

                pendingTime = _lines.SnapshotTimeMs(text, line);
                pendingStart = lineStart;
                pendingLine = line - 1;
                pending = [];
                continue;
            }

            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            if (pendingTime is null)
            {
                throw _lines.SampleBeforeSnapshot(line);
            }

            var nameEnd = text.AsSpan().IndexOfAny('{', ' ');
            if (nameEnd > 0 && names.Contains(text[..nameEnd]))
            {
                pending.Add(_lines.Sample(text, line));
            }
        }

        if (pendingTime is { } last && writerExited && complete == bytes.Length)
        {
            Emit(snapshots, last, pending);
            _offset += complete;
            _line = line;
        }
        else if (pendingTime is not null)
        {
            // Not known to be complete yet: read it again, from its header, next time.
            _offset += pendingStart;
            _line = pendingLine;
        }
        else
        {
            _offset += complete;
            _line = line;
        }

        return snapshots;
    }

    private void Emit(List<RecordedSnapshot> snapshots, long time, List<RecordedSample> samples)
    {
        if (_lastEmitted is { } previous && time <= previous)
        {
            return;
        }

        _lastEmitted = time;
        snapshots.Add(new RecordedSnapshot(time, samples));
    }
}
