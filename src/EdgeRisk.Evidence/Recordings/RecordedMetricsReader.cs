namespace EdgeRisk.Evidence.Recordings;

/// <summary>
/// Streams the snapshots of a file written by <c>edgerisk-trading --record-metrics</c>: <c># snapshot &lt;unix_seconds&gt;</c>
/// followed by text-format sample lines with millisecond timestamps. Only one snapshot is held at a time.
/// A process killed mid-write leaves an unterminated line: at the end of the file, or glued to the
/// <c># snapshot</c> header its restarted successor appended; the snapshot it belongs to is dropped
/// (<see cref="TruncatedSnapshots"/>). A snapshot not later than the previous one (a resumed process replaying
/// virtual time it had already recorded) is dropped too (<see cref="OutOfOrderSnapshots"/>), so every series
/// stays in time order. Any other unreadable line is an error naming the file and line.
/// </summary>
public sealed class RecordedMetricsReader : IDisposable
{
    private readonly StreamReader _reader;
    private readonly bool _endsWithNewline;
    private readonly bool _parseSamples;
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly RecordedLineParser _lines;
    private List<RecordedSample> _pending = [];
    private long? _pendingTime;
    private long? _lastEmitted;
    private string? _next;
    private int _lineNumber;

    /// <param name="parseSamples">false reads only the snapshot times (sample lines are skipped unparsed).</param>
    public RecordedMetricsReader(string path, bool parseSamples = true)
    {
        FilePath = path;
        _lines = new RecordedLineParser(path);
        _parseSamples = parseSamples;
        if (!File.Exists(path))
        {
            throw new EvidenceInputException($"recorded metrics file {path} does not exist; run the trading process with --record-metrics {path}");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            _endsWithNewline = stream.ReadByte() == '\n';
            stream.Seek(0, SeekOrigin.Begin);
        }
        else
        {
            _endsWithNewline = true;
        }

        _reader = new StreamReader(stream);
        Advance();
    }

    public string FilePath { get; }

    /// <summary><c># TYPE</c> declarations seen so far (metric name → type).</summary>
    public IReadOnlyDictionary<string, string> Types => _types;

    public int TruncatedSnapshots { get; private set; }

    public int OutOfOrderSnapshots { get; private set; }

    /// <summary>First and last complete snapshot of a recorded file; (null, null) when it is missing or has none.</summary>
    public static (DateTimeOffset? First, DateTimeOffset? Last) ReadSnapshotRange(string path)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }

        using var reader = new RecordedMetricsReader(path, parseSamples: false);
        DateTimeOffset? first = null;
        DateTimeOffset? last = null;
        while (reader.ReadNext() is { } snapshot)
        {
            first ??= snapshot.Time;
            last = snapshot.Time;
        }

        return (first, last);
    }

    /// <summary>The next complete snapshot, or null at the end of the file.</summary>
    public RecordedSnapshot? ReadNext()
    {
        while (true)
        {
            var line = _next;
            var lineNumber = _lineNumber;
            if (line is null)
            {
                if (_pendingTime is null)
                {
                    return null;
                }

                if (Complete() is { } last)
                {
                    return last;
                }

                continue;
            }

            Advance();
            if (_next is null && !_endsWithNewline)
            {
                DropPendingAsTruncated();
                continue;
            }

            var marker = line.IndexOf(RecordedLineParser.SnapshotMarker, StringComparison.Ordinal);
            if (marker > 0)
            {
                DropPendingAsTruncated();
                line = line[marker..];
                marker = 0;
            }

            if (marker == 0)
            {
                var time = _lines.SnapshotTimeMs(line, lineNumber);
                var completed = _pendingTime is null ? null : Complete();
                _pendingTime = time;
                if (completed is not null)
                {
                    return completed;
                }

                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 4)
                {
                    _types[parts[2]] = parts[3];
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(line) || line[0] == '#')
            {
                continue;
            }

            if (_pendingTime is null)
            {
                throw _lines.SampleBeforeSnapshot(lineNumber);
            }

            if (_parseSamples)
            {
                _pending.Add(_lines.Sample(line, lineNumber));
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private void Advance()
    {
        _next = _reader.ReadLine();
        _lineNumber++;
    }

    private void DropPendingAsTruncated()
    {
        if (_pendingTime is not null)
        {
            TruncatedSnapshots++;
            _pendingTime = null;
            _pending = [];
        }
    }

    private RecordedSnapshot? Complete()
    {
        var time = _pendingTime!.Value;
        var samples = _pending;
        _pendingTime = null;
        _pending = [];
        if (_lastEmitted is { } previous && time <= previous)
        {
            OutOfOrderSnapshots++;
            return null;
        }

        _lastEmitted = time;
        return new RecordedSnapshot(time, samples);
    }
}
