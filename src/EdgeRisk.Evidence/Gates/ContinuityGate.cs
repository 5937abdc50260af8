using System.Text.RegularExpressions;

namespace EdgeRisk.Evidence.Gates;

/// <summary>
/// ≥ 48 h continuous, no restarts: every <c>edgerisk.*</c> job is up (=1) throughout with no hole longer than maxUpGap (2 min shipped),
/// its <c>edgerisk_start_time_seconds</c> (the start on the trading clock, virtual in a replay) never changes and predates
/// the window; with a Docker host, every container of the compose project has RestartCount 0, was not OOM-killed, runs,
/// and started before the window. <c>process_start_time_seconds</c> (the real start of the OS process) is not read.
/// </summary>
public static partial class ContinuityGate
{
    /// <summary>The series restarts are judged on: the start of the trading process on its trading clock.</summary>
    public const string StartMetric = "edgerisk_start_time_seconds";

    public static GateResult Evaluate(
        GateWindow window,
        IReadOnlyList<TimeSeries> up,
        IReadOnlyList<TimeSeries> processStart,
        IReadOnlyList<ContainerFacts>? containers,
        GateSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(up);
        ArgumentNullException.ThrowIfNull(processStart);
        settings ??= GateSettings.Default;
        var maxGap = settings.MaxUpGap.TotalSeconds;
        var tolerance = settings.CoverageSampleTolerance.TotalSeconds;
        var failures = new List<string>();
        var unknowns = new List<string>();
        var cleanUp = up.Select(s => s.Clean(window)).Where(s => JobPattern().IsMatch(s.Label("job"))).ToList();
        var cleanStart = processStart.Select(s => s.Clean(window)).Where(s => JobPattern().IsMatch(s.Label("job"))).ToList();
        var jobs = cleanUp.Where(s => s.Count > 0).Select(s => s.Label("job")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        unknowns.AddRange(settings.RequiredJobs.Where(j => !jobs.Contains(j)).Select(j => $"no up samples for job {j}"));
        if (jobs.Count == 0)
        {
            unknowns.Add("no up series for any edgerisk.* job");
        }

        if (settings.RequiredRuntime is { } required && window.LengthSeconds < required.TotalSeconds)
        {
            unknowns.Add($"the window covers {SeriesMath.Duration(window.LengthSeconds)} of the required {SeriesMath.Duration(required.TotalSeconds)} " +
                "continuous run: a shorter run cannot pass the runtime criterion");
        }

        var worstGap = 0.0;
        var gapLine = new List<(double T, double Gap)>();
        foreach (var series in cleanUp.Where(s => s.Count > 0))
        {
            var name = series.LabelText("__name__");
            var t = series.Times;
            var v = series.Values;
            var firstDown = Array.FindIndex(v, x => x != 1);
            if (firstDown >= 0)
            {
                failures.Add($"up{name} = {v[firstDown]} at {SeriesMath.At(t[firstDown])}");
            }

            for (var i = 1; i < t.Length; i++)
            {
                var gap = t[i] - t[i - 1];
                gapLine.Add((t[i], gap));
                worstGap = Math.Max(worstGap, gap);
                if (gap > maxGap)
                {
                    failures.Add($"up{name} has a {SeriesMath.Duration(gap)} hole ending {SeriesMath.At(t[i])} (> {SeriesMath.Duration(maxGap)})");
                }
            }

            if (t[0] - window.StartSeconds > maxGap || window.EndSeconds - t[^1] > maxGap)
            {
                unknowns.Add($"up{name} does not reach both ends of the window ({SeriesMath.At(t[0])} .. {SeriesMath.At(t[^1])})");
            }

            AddCoverage(unknowns, "up" + name, series, window, tolerance, settings.MinCoverage);
        }

        foreach (var job in jobs)
        {
            var starts = cleanStart.Where(s => s.Label("job") == job && s.Count > 0).ToList();
            if (starts.Count == 0)
            {
                unknowns.Add($"no {StartMetric} for job {job}");
                continue;
            }

            foreach (var series in starts)
            {
                var name = series.LabelText("__name__");
                var first = series.Values[0];
                var changed = Array.FindIndex(series.Values, x => x != first);
                if (changed >= 0)
                {
                    failures.Add($"{StartMetric}{name} changed from {first:0.###} to {series.Values[changed]:0.###} at {SeriesMath.At(series.Times[changed])} (restart)");
                }
                else if (first > window.StartSeconds)
                {
                    failures.Add($"{StartMetric}{name} = {SeriesMath.At(first)} is inside the window (started after {SeriesMath.At(window.StartSeconds)})");
                }

                AddCoverage(unknowns, StartMetric + name, series, window, tolerance, settings.MinCoverage);
            }
        }

        var dockerNote = CheckContainers(window, containers, failures, unknowns);
        gapLine.Sort((a, b) => a.T.CompareTo(b.T));
        var plot = new GatePlot("continuity: hole between up samples", "seconds",
            [GatePlotLine.Thin("largest hole (s)", gapLine.Select(g => g.T).ToArray(), gapLine.Select(g => g.Gap).ToArray())], [maxGap]);
        if (failures.Count > 0)
        {
            return new GateResult(GateNames.Continuity, GateStatus.Fail, worstGap, maxGap, GateText.Summarise(failures) + dockerNote,
                -failures.Count, Irreversible: true, plot);
        }

        if (unknowns.Count > 0)
        {
            return GateResult.Inconclusive(GateNames.Continuity, maxGap, GateText.Summarise(unknowns) + dockerNote, plot);
        }

        return new GateResult(GateNames.Continuity, GateStatus.Pass, worstGap, maxGap,
            $"jobs {string.Join(", ", jobs)} up throughout, largest hole {SeriesMath.Duration(worstGap)}, no restart" + dockerNote,
            maxGap - worstGap, false, plot);
    }

    private static string CheckContainers(GateWindow window, IReadOnlyList<ContainerFacts>? containers, List<string> failures, List<string> unknowns)
    {
        if (containers is null)
        {
            return "; containers not checked (no Docker host given)";
        }

        if (containers.Count == 0)
        {
            unknowns.Add("no containers found for the compose project");
            return string.Empty;
        }

        foreach (var c in containers)
        {
            if (c.RestartCount > 0)
            {
                failures.Add($"container {c.Name} RestartCount {c.RestartCount}");
            }

            if (c.OomKilled)
            {
                failures.Add($"container {c.Name} was OOM-killed");
            }

            if (!c.Running)
            {
                failures.Add($"container {c.Name} is not running");
            }

            if (c.StartedAt is not { } started)
            {
                unknowns.Add($"container {c.Name} has no start time");
            }
            else if (started > window.Start)
            {
                failures.Add($"container {c.Name} started {started:yyyy-MM-ddTHH:mm:ssZ}, after the window start");
            }
        }

        return $"; {containers.Count} container(s) checked";
    }

    private static void AddCoverage(List<string> unknowns, string name, TimeSeries series, GateWindow window, double tolerance, double minCoverage)
    {
        var coverage = SeriesMath.Coverage(series.Times, window, tolerance);
        if (coverage < minCoverage)
        {
            unknowns.Add($"{name} covers {coverage:P1} of the window (< {minCoverage:P0})");
        }
    }

    [GeneratedRegex("^edgerisk.*$", RegexOptions.CultureInvariant)]
    private static partial Regex JobPattern();
}
