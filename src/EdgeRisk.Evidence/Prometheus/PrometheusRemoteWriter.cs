using System.Net.Http.Headers;
using Google.Protobuf;
using Snappier;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>
/// Prometheus remote write 1.0 (<c>POST /api/v1/write</c> of a snappy-compressed protobuf <c>WriteRequest</c>) into a
/// Prometheus started with <c>--web.enable-remote-write-receiver</c>: samples keep their own timestamps, so recorded
/// series of a virtual clock land as if they had been scraped. Labels are sent sorted by name and each series' samples in
/// time order, as the protocol requires; a request carries at most <see cref="MaxSamplesPerRequest"/> samples.
/// </summary>
public sealed class PrometheusRemoteWriter(HttpClient http, Uri prometheusUrl)
{
    public const int MaxSamplesPerRequest = 50_000;

    private static readonly MediaTypeHeaderValue Protobuf = new("application/x-protobuf");

    /// <summary>Samples accepted so far.</summary>
    public long SamplesWritten { get; private set; }

    /// <summary>Writes every sample of <paramref name="series"/> (which carry <c>__name__</c> in their labels).</summary>
    public async Task WriteAsync(IReadOnlyList<TimeSeries> series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (var batch in Batches(series))
        {
            using var content = new ByteArrayContent(Snappy.CompressToArray(Encode(batch)));
            content.Headers.ContentType = Protobuf;
            content.Headers.ContentEncoding.Add("snappy");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(prometheusUrl, "api/v1/write")) { Content = content };
            request.Headers.Add("X-Prometheus-Remote-Write-Version", "0.1.0");
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new EvidenceUnavailableException($"remote write to Prometheus at {prometheusUrl} failed: {e.Message}", e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new EvidenceUnavailableException($"remote write to Prometheus at {prometheusUrl}: no answer within {http.Timeout.TotalSeconds:0} s", e);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
                    var hint = response.StatusCode == System.Net.HttpStatusCode.NotFound
                        ? "; start it with --web.enable-remote-write-receiver"
                        : string.Empty;
                    throw new EvidenceUnavailableException(
                        $"remote write to Prometheus at {prometheusUrl} refused with HTTP {(int)response.StatusCode}: {FirstLine(body)}{hint}");
                }
            }

            SamplesWritten += batch.Sum(s => (long)s.Count);
        }
    }

    /// <summary>The uncompressed <c>prometheus.WriteRequest</c> protobuf of <paramref name="series"/>.</summary>
    public static byte[] Encode(IReadOnlyList<TimeSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var encoded = series.Select(s => (Labels: s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).ToList(), Series: s)).ToList();
        var sizes = encoded.Select(e => SeriesSize(e.Labels, e.Series)).ToList();
        var total = sizes.Sum(size => CodedOutputStream.ComputeTagSize(1) + CodedOutputStream.ComputeLengthSize(size) + size);
        var buffer = new byte[total];
        var output = new CodedOutputStream(buffer);
        for (var i = 0; i < encoded.Count; i++)
        {
            var (labels, s) = encoded[i];
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteLength(sizes[i]);
            foreach (var (name, value) in labels)
            {
                output.WriteTag(1, WireFormat.WireType.LengthDelimited);
                output.WriteLength(LabelSize(name, value));
                output.WriteTag(1, WireFormat.WireType.LengthDelimited);
                output.WriteString(name);
                output.WriteTag(2, WireFormat.WireType.LengthDelimited);
                output.WriteString(value);
            }

            for (var j = 0; j < s.Count; j++)
            {
                var ms = TimestampMs(s.Times[j]);
                output.WriteTag(2, WireFormat.WireType.LengthDelimited);
                output.WriteLength(SampleSize(ms));
                output.WriteTag(1, WireFormat.WireType.Fixed64);
                output.WriteDouble(s.Values[j]);
                output.WriteTag(2, WireFormat.WireType.Varint);
                output.WriteInt64(ms);
            }
        }

        output.CheckNoSpaceLeft();
        return buffer;
    }

    private static IEnumerable<IReadOnlyList<TimeSeries>> Batches(IReadOnlyList<TimeSeries> series)
    {
        var batch = new List<TimeSeries>();
        var samples = 0;
        foreach (var s in series.Where(s => s.Count > 0))
        {
            for (var from = 0; from < s.Count; from += MaxSamplesPerRequest)
            {
                var part = from == 0 && s.Count <= MaxSamplesPerRequest
                    ? s
                    : new TimeSeries(s.Labels, s.Times[from..Math.Min(s.Count, from + MaxSamplesPerRequest)],
                        s.Values[from..Math.Min(s.Count, from + MaxSamplesPerRequest)]);
                if (samples + part.Count > MaxSamplesPerRequest && batch.Count > 0)
                {
                    yield return batch;
                    batch = [];
                    samples = 0;
                }

                batch.Add(part);
                samples += part.Count;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static long TimestampMs(double seconds) => (long)Math.Round(seconds * 1000);

    private static int SeriesSize(List<KeyValuePair<string, string>> labels, TimeSeries series)
    {
        var size = 0;
        foreach (var (name, value) in labels)
        {
            var label = LabelSize(name, value);
            size += CodedOutputStream.ComputeTagSize(1) + CodedOutputStream.ComputeLengthSize(label) + label;
        }

        foreach (var t in series.Times)
        {
            var sample = SampleSize(TimestampMs(t));
            size += CodedOutputStream.ComputeTagSize(2) + CodedOutputStream.ComputeLengthSize(sample) + sample;
        }

        return size;
    }

    private static int LabelSize(string name, string value) =>
        CodedOutputStream.ComputeTagSize(1) + CodedOutputStream.ComputeStringSize(name)
        + CodedOutputStream.ComputeTagSize(2) + CodedOutputStream.ComputeStringSize(value);

    private static int SampleSize(long timestampMs) =>
        CodedOutputStream.ComputeTagSize(1) + sizeof(double) + CodedOutputStream.ComputeTagSize(2) + CodedOutputStream.ComputeInt64Size(timestampMs);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0];
        return line.Length == 0 ? "(empty body)" : line.Length > 300 ? line[..300] + "…" : line;
    }
}
