using System.Globalization;

namespace EdgeRisk.Evidence.Recordings;

/// <summary>
/// The line rules of a <c>--record-metrics</c> file, one for the whole-file <see cref="RecordedMetricsReader"/> and the
/// live tail of a growing file alike: the <c># snapshot &lt;unix_seconds&gt;</c> header, sample lines (each distinct
/// series text parsed once, later samples look it up without allocating it again), and the errors naming file and line.
/// </summary>
internal sealed class RecordedLineParser(string path)
{
    public const string SnapshotMarker = "# snapshot ";

    private readonly Dictionary<string, RecordedSeries> _series = new(StringComparer.Ordinal);

    /// <summary>The snapshot time (ms) of a header line.</summary>
    public long SnapshotTimeMs(string line, long lineNumber)
    {
        var text = line.AsSpan(SnapshotMarker.Length).Trim();
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new EvidenceInputException($"{path}:{lineNumber}: '{Shorten(line)}' does not carry Unix seconds; expected '# snapshot 1504396815'");
        }

        return (long)decimal.Round(seconds * 1000m);
    }

    public RecordedSample Sample(string line, long lineNumber) =>
        TryParseSample(line) ?? throw new EvidenceInputException(
            $"{path}:{lineNumber}: not a sample line ('{Shorten(line)}'); the recording is corrupt, re-run the dry run");

    public EvidenceInputException SampleBeforeSnapshot(long lineNumber) =>
        new($"{path}:{lineNumber}: sample line before the first '# snapshot' line; this is not a metrics recording");

    private RecordedSample? TryParseSample(string line)
    {
        if (!RecordedSample.TrySplit(line, out var seriesText, out var value, out var timestampMs))
        {
            return null;
        }

        var lookup = _series.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(seriesText, out var series))
        {
            series = RecordedSeries.TryParse(seriesText);
            if (series is null)
            {
                return null;
            }

            lookup[seriesText] = series;
        }

        return new RecordedSample(series, value, timestampMs);
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "...";
}
