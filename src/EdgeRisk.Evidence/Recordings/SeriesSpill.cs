using System.Text;

namespace EdgeRisk.Evidence.Recordings;

/// <summary>
/// Regroups time-ordered snapshot lines into family → metric → time order without holding them in memory: each
/// metric (label set without bucket/quantile labels) gets its own append-only scratch file, concatenated at the end.
/// At most <see cref="MaxOpenWriters"/> files are open at once; the rest are reopened for append when needed.
/// </summary>
internal sealed class SeriesSpill : IDisposable
{
    private const int MaxOpenWriters = 64;

    private readonly string _directory;
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _families = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StreamWriter> _open = new(StringComparer.Ordinal);
    private int _metricCount;

    public SeriesSpill(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    public IEnumerable<string> Families => _families.Keys;

    public int MetricCount => _metricCount;

    /// <summary>Appends the line <c>prefix value timestamp</c> (the prefix ends with a space).</summary>
    public void Append(string family, string metricKey, string prefix, string value, string timestamp)
    {
        if (!_families.TryGetValue(family, out var metrics))
        {
            metrics = new SortedDictionary<string, string>(StringComparer.Ordinal);
            _families.Add(family, metrics);
        }

        if (!metrics.TryGetValue(metricKey, out var path))
        {
            path = Path.Combine(_directory, $"{_metricCount++:D6}.lines");
            metrics.Add(metricKey, path);
        }

        if (!_open.TryGetValue(path, out var writer))
        {
            if (_open.Count >= MaxOpenWriters)
            {
                CloseWriters();
            }

            writer = new StreamWriter(path, append: true, new UTF8Encoding(false), 1 << 14);
            _open.Add(path, writer);
        }

        writer.Write(prefix);
        writer.Write(value);
        writer.Write(' ');
        writer.Write(timestamp);
        writer.Write('\n');
    }

    /// <summary>Copies one family's metrics, each in sorted label order and in the order its lines were appended.</summary>
    public void CopyFamily(string family, Stream output)
    {
        CloseWriters();
        foreach (var path in _families[family].Values)
        {
            using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            input.CopyTo(output);
        }
    }

    public void Dispose()
    {
        CloseWriters();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // scratch space only; a leftover directory does no harm
        }
    }

    private void CloseWriters()
    {
        foreach (var writer in _open.Values)
        {
            writer.Dispose();
        }

        _open.Clear();
    }
}
