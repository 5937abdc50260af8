using System.Globalization;

namespace EdgeRisk.Evidence.Recordings;

/// <summary>
/// One sample line of a recorded snapshot: <c>name{labels} value timestamp_ms</c>. <see cref="Value"/> is the original
/// token (NaN, +Inf, 1.5e+06, ...), checked to be a number.
/// </summary>
public sealed record RecordedSample(RecordedSeries Series, string Value, long? TimestampMs)
{
    public string Name => Series.Name;

    /// <summary>
    /// Splits a sample line into series text, value and timestamp: the series ends at the last <c>}</c> (values and
    /// timestamps never contain one, label values may) or, without labels, at the first space.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<char> line, out ReadOnlySpan<char> series, out string value, out long? timestampMs)
    {
        line = line.Trim();
        var end = line.Contains('{') ? line.LastIndexOf('}') + 1 : line.IndexOf(' ');
        series = end > 0 ? line[..end] : default;
        value = string.Empty;
        timestampMs = null;
        if (end <= 0)
        {
            return false;
        }

        var rest = line[end..].Trim(' ');
        var space = rest.IndexOf(' ');
        var valueText = space < 0 ? rest : rest[..space];
        if (!(valueText is "NaN" or "+Inf" or "-Inf" or "Inf"
              || double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }

        if (space >= 0)
        {
            if (!long.TryParse(rest[space..].Trim(' '), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
            {
                return false;
            }

            timestampMs = ms;
        }

        value = valueText.ToString();
        return true;
    }
}
