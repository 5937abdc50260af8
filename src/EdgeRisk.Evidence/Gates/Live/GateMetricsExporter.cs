using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// The live gate judgements as Prometheus series: <c>edgerisk_gate_status{gate}</c> (0 pass so far, 1 fail,
/// 2 inconclusive), <c>edgerisk_gate_margin{gate}</c> (signed distance to the threshold in the gate's unit, negative =
/// breached; absent — not 0 — when inconclusive), <c>edgerisk_gate_value{gate}</c> and <c>edgerisk_gate_threshold{gate}</c>,
/// <c>edgerisk_gate_window_coverage_ratio</c> (share of the soak window elapsed), <c>edgerisk_gate_window_remaining_seconds</c>
/// and <c>edgerisk_release_verdict</c> (same codes as the status). Locally they are written as OpenMetrics at the judged
/// (virtual) times and backfilled with the rest of the evidence; in staging they are pushed to a Pushgateway.
/// </summary>
public static class GateMetricsExporter
{
    public const string Job = "edgerisk-release-gates";
    public const string Status = "edgerisk_gate_status";
    public const string Margin = "edgerisk_gate_margin";
    public const string Value = "edgerisk_gate_value";
    public const string Threshold = "edgerisk_gate_threshold";
    public const string Coverage = "edgerisk_gate_window_coverage_ratio";
    public const string Remaining = "edgerisk_gate_window_remaining_seconds";
    public const string Verdict = "edgerisk_release_verdict";

    /// <summary>0 pass (so far), 1 fail, 2 inconclusive.</summary>
    public static int Code(GateStatus status) => status switch
    {
        GateStatus.Pass => 0,
        GateStatus.Fail => 1,
        _ => 2,
    };

    /// <summary>The samples of one judgement, metric text (<c>name{labels}</c>) → value; an absent margin or value is left out.</summary>
    public static IReadOnlyList<(string Family, string Series, double Value)> Samples(LiveGateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var samples = new List<(string, string, double)>();
        foreach (var gate in snapshot.Gates)
        {
            var labels = $"{{gate=\"{gate.Name}\"}}";
            samples.Add((Status, Status + labels, Code(gate.Status)));
            if (gate.Margin is { } margin && double.IsFinite(margin))
            {
                samples.Add((Margin, Margin + labels, margin));
            }

            if (gate.Status != GateStatus.Inconclusive && gate.Value is { } value && double.IsFinite(value))
            {
                samples.Add((Value, Value + labels, value));
            }

            samples.Add((Threshold, Threshold + labels, gate.Threshold));
        }

        samples.Add((Coverage, Coverage, snapshot.CoverageRatio));
        samples.Add((Remaining, Remaining, snapshot.Remaining.TotalSeconds));
        samples.Add((Verdict, Verdict, Code(snapshot.Verdict)));
        return samples;
    }

    /// <summary>
    /// OpenMetrics for <c>promtool tsdb create-blocks-from openmetrics</c>: every judgement at its time, held every
    /// <paramref name="step"/> until the next one (what scraping a gauge between two judgements would store), with
    /// <c>job</c> and <c>instance</c> = <see cref="Job"/>; seconds timestamps, <c># EOF</c> last.
    /// </summary>
    public static string ToOpenMetrics(IReadOnlyList<LiveGateSnapshot> snapshots, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (step <= TimeSpan.Zero)
        {
            throw new GateConfigurationException($"gate metrics: step {step} must be positive (the scrape interval, e.g. 15s)");
        }

        var ordered = snapshots.OrderBy(s => s.Time).ToList();
        var series = new SortedDictionary<string, SortedDictionary<string, List<(long Ms, double Value)>>>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var from = ordered[i].Time.ToUnixTimeMilliseconds();
            var until = i + 1 < ordered.Count ? ordered[i + 1].Time.ToUnixTimeMilliseconds() : from + 1;
            foreach (var (family, text, value) in Samples(ordered[i]))
            {
                if (!series.TryGetValue(family, out var members))
                {
                    series[family] = members = new SortedDictionary<string, List<(long, double)>>(StringComparer.Ordinal);
                }

                if (!members.TryGetValue(text, out var points))
                {
                    members[text] = points = [];
                }

                for (var t = from; t < until; t += (long)step.TotalMilliseconds)
                {
                    points.Add((t, value));
                }
            }
        }

        var output = new StringBuilder();
        foreach (var (family, members) in series)
        {
            output.Append("# TYPE ").Append(family).Append(" gauge\n");
            foreach (var (text, points) in members)
            {
                var prefix = WithJob(text);
                foreach (var (ms, value) in points)
                {
                    output.Append(prefix).Append(' ').Append(Number(value)).Append(' ')
                        .Append((ms / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }

        return output.Append("# EOF\n").ToString();
    }

    /// <summary>The latest judgement in the text exposition format (no timestamps), for a Pushgateway or a scrape endpoint.</summary>
    public static string ToText(LiveGateSnapshot snapshot)
    {
        var output = new StringBuilder();
        foreach (var family in Samples(snapshot).GroupBy(s => s.Family))
        {
            output.Append("# TYPE ").Append(family.Key).Append(" gauge\n");
            foreach (var (_, text, value) in family)
            {
                output.Append(text).Append(' ').Append(Number(value)).Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// Replaces the group <c>job="edgerisk-release-gates"</c> on the Pushgateway with this judgement (PUT, so a margin that
    /// became absent disappears instead of lingering). Failures name the Pushgateway and its reply.
    /// </summary>
    public static async Task PushAsync(HttpClient http, Uri pushgateway, LiveGateSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(pushgateway);
        var url = new Uri(pushgateway, $"metrics/job/{Job}");
        using var content = new StringContent(ToText(snapshot), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { Parameters = { new NameValueHeaderValue("version", "0.0.4") } };
        HttpResponseMessage response;
        try
        {
            response = await http.PutAsync(url, content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new GateConfigurationException($"gate metrics: Pushgateway at {pushgateway} unreachable ({e.Message}); check --pushgateway-url", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new GateConfigurationException($"gate metrics: Pushgateway at {url} answered HTTP {(int)response.StatusCode}: {body.Trim()}");
            }
        }
    }

    private static string WithJob(string text)
    {
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        return brace < 0
            ? $"{text}{{job=\"{Job}\",instance=\"{Job}\"}}"
            : $"{text[..brace]}{{job=\"{Job}\",instance=\"{Job}\",{text[(brace + 1)..]}";
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
