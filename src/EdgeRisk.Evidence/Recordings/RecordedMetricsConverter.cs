using System.Globalization;
using System.Text;

namespace EdgeRisk.Evidence.Recordings;

/// <summary>
/// Turns recorded snapshot files into one OpenMetrics file for <c>promtool tsdb create-blocks-from openmetrics</c>,
/// as a scraper would have stored them: <c>job</c> and <c>instance</c> set to the job (labels of those names the
/// process set itself become <c>exported_job</c>/<c>exported_instance</c>, like <c>honor_labels: false</c>), and
/// <c>up</c> on the scrape grid from each job's first snapshot to the end of its run: 1 where a snapshot fell into
/// the grid slot, 0 where none did (process down or restarting). Samples are grouped by family, then metric, then
/// time (OpenMetrics wants a family's samples together), timestamps in seconds, <c># EOF</c> last. Lines are
/// regrouped through scratch files, not memory; the output appears atomically.
/// </summary>
public static class RecordedMetricsConverter
{
    public static RecordedMetricsConversion Convert(IReadOnlyList<RecordedMetricsSource> sources, string outputPath,
        RecordedMetricsConversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        Validate(sources, options);
        var intervalMs = (long)options.ScrapeInterval.TotalMilliseconds;
        var fullOutput = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullOutput)!);
        var scratch = options.ScratchDirectory ?? fullOutput + ".spill-" + Guid.NewGuid().ToString("N");
        using var spill = new SeriesSpill(scratch);
        var familyTypes = new Dictionary<string, (string Type, string Job)>(StringComparer.Ordinal);
        var recorded = new List<(RecordedMetricsSource Source, List<long> Times, int Truncated, int OutOfOrder)>();
        long samples = 0;

        foreach (var source in sources)
        {
            using var reader = new RecordedMetricsReader(source.Path);
            var classifier = new MetricFamilyClassifier();
            var outputs = new Dictionary<RecordedSeries, SeriesOutput>(ReferenceEqualityComparer.Instance);
            var times = new List<long>();
            var (lastMs, lastSeconds) = (long.MinValue, string.Empty);
            while (reader.ReadNext() is { } snapshot)
            {
                times.Add(snapshot.TimeMs);
                classifier.Learn(snapshot);
                foreach (var sample in snapshot.Samples)
                {
                    if (!outputs.TryGetValue(sample.Series, out var output))
                    {
                        if (sample.Name == "up")
                        {
                            throw new EvidenceInputException($"{source.Path}: the recording has an 'up' series, which only the scraper may write; drop it from the process's registry");
                        }

                        var family = classifier.Classify(sample.Series, reader.Types);
                        RequireOneType(familyTypes, family, source.Job);
                        output = new SeriesOutput(family.Name, MetricKey(source.Job, family, sample.Series), SeriesPrefix(source.Job, sample.Series));
                        outputs.Add(sample.Series, output);
                    }

                    var ms = sample.TimestampMs ?? snapshot.TimeMs;
                    if (ms != lastMs)
                    {
                        (lastMs, lastSeconds) = (ms, Seconds(ms));
                    }

                    spill.Append(output.Family, output.MetricKey, output.Prefix, sample.Value, lastSeconds);
                    samples++;
                }
            }

            recorded.Add((source, times, reader.TruncatedSnapshots, reader.OutOfOrderSnapshots));
        }

        var windows = recorded.Where(r => r.Times.Count > 0).Select(r => JobWindow(r.Times, options.ExpectedDuration, intervalMs)).ToList();
        if (windows.Count == 0)
        {
            throw new EvidenceInputException(
                $"no complete snapshot in {string.Join(", ", sources.Select(s => s.Path))}; the trading processes recorded nothing (see their logs under artifacts/dry-run)");
        }

        var runWindow = windows.Aggregate((a, b) => a.Union(b));
        var jobs = new List<RecordedJobConversion>();
        familyTypes["up"] = ("gauge", "scraper");
        foreach (var (source, times, truncated, outOfOrder) in recorded)
        {
            var window = times.Count > 0 ? JobWindow(times, options.ExpectedDuration, intervalMs) : runWindow;
            var (points, down) = AppendUp(spill, source.Job, window, times, intervalMs);
            samples += points;
            jobs.Add(new RecordedJobConversion(source.Job, times.Count, truncated, outOfOrder, window, points, down));
        }

        WriteOpenMetrics(spill, familyTypes, fullOutput);
        return new RecordedMetricsConversion(fullOutput, jobs, runWindow, familyTypes.Count, spill.MetricCount, samples);
    }

    private static void Validate(IReadOnlyList<RecordedMetricsSource> sources, RecordedMetricsConversionOptions options)
    {
        if (sources.Count == 0)
        {
            throw new EvidenceInputException("no recorded metrics files to convert; pass one per trading job");
        }

        if (options.ScrapeInterval < TimeSpan.FromMilliseconds(1))
        {
            throw new EvidenceInputException($"scrape interval {options.ScrapeInterval} is not positive; pass the processes' --record-interval (e.g. 15s)");
        }

        var duplicate = sources.GroupBy(s => s.Job, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new EvidenceInputException($"job '{duplicate.Key}' has more than one recorded file; one file per job");
        }
    }

    private static void RequireOneType(Dictionary<string, (string Type, string Job)> familyTypes, MetricFamily family, string job)
    {
        if (!familyTypes.TryGetValue(family.Name, out var known))
        {
            familyTypes.Add(family.Name, (family.Type, job));
        }
        else if (known.Type != family.Type)
        {
            // An undeclared sample is written exactly as a gauge's would be; a declaration elsewhere settles the type.
            if ((known.Type, family.Type) is ("unknown", "gauge") or ("gauge", "unknown"))
            {
                familyTypes[family.Name] = ("gauge", job);
                return;
            }

            throw new EvidenceInputException(
                $"metric family '{family.Name}' is a {known.Type} in {known.Job} but a {family.Type} in {job}; the processes must agree on metric types");
        }
    }

    private static EvidenceWindow JobWindow(List<long> times, TimeSpan? expectedDuration, long intervalMs)
    {
        var start = times[0];
        var end = times[^1];
        if (expectedDuration is { } duration)
        {
            end = Math.Max(end, start + (long)duration.TotalMilliseconds - intervalMs);
        }

        return new EvidenceWindow(DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end));
    }

    /// <summary>up on the grid start + k·interval (<see cref="ScrapeRules"/>).</summary>
    private static (int Points, int Down) AppendUp(SeriesSpill spill, string job, EvidenceWindow window, List<long> times, long intervalMs)
    {
        var start = window.Start.ToUnixTimeMilliseconds();
        var points = checked((int)(((window.End.ToUnixTimeMilliseconds() - start) / intervalMs) + 1));
        var present = ScrapeRules.Presence(times, start, intervalMs, 0, points);

        var labels = $"up{{job=\"{Escape(job)}\",instance=\"{Escape(job)}\"}} ";
        var down = 0;
        for (var k = 0; k < points; k++)
        {
            down += present[k] ? 0 : 1;
            spill.Append("up", job, labels, present[k] ? "1" : "0", Seconds(start + (k * intervalMs)));
        }

        return (points, down);
    }

    private static void WriteOpenMetrics(SeriesSpill spill, Dictionary<string, (string Type, string Job)> familyTypes, string outputPath)
    {
        var temporary = outputPath + ".tmp";
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            foreach (var family in spill.Families)
            {
                output.Write(Encoding.UTF8.GetBytes($"# TYPE {family} {familyTypes[family].Type}\n"));
                spill.CopyFamily(family, output);
            }

            output.Write("# EOF\n"u8);
        }

        File.Move(temporary, outputPath, overwrite: true);
    }

    private static string MetricKey(string job, MetricFamily family, RecordedSeries series)
    {
        var labels = series.Labels.Where(l => !family.IsPointLabel(l.Key)).Select(l => $"{l.Key}=\"{l.Value}\"").Order(StringComparer.Ordinal);
        return string.Join(',', labels.Prepend($"job=\"{job}\""));
    }

    /// <summary><c>name{job="..",instance="..",labels...} </c>: everything of an output line before the value.</summary>
    private static string SeriesPrefix(string job, RecordedSeries series)
    {
        var line = new StringBuilder(series.Name.Length + 96);
        line.Append(series.Name).Append("{job=\"").Append(Escape(job)).Append("\",instance=\"").Append(Escape(job)).Append('"');
        foreach (var (name, value) in series.Labels)
        {
            var stored = ScrapeRules.StoredLabelName(name);
            line.Append(',').Append(stored).Append("=\"").Append(value).Append('"');
        }

        return line.Append("} ").ToString();
    }

    /// <summary>OpenMetrics timestamps are seconds; promtool would read milliseconds as seconds without complaint.</summary>
    private static string Seconds(long ms)
    {
        var seconds = Math.DivRem(ms, 1000, out var fraction);
        return fraction == 0
            ? seconds.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{seconds}.{Math.Abs(fraction):D3}");
    }

    private sealed record SeriesOutput(string Family, string MetricKey, string Prefix);

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
