using System.Globalization;
using System.Text.RegularExpressions;
using EdgeRisk.Evidence.Recordings;

namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// The local profile's live evidence: the growing <c>--record-metrics</c> files of the running processes, read as a
/// scraper would have stored them (<c>job</c>/<c>instance</c> = the job, the process's own labels of those names as
/// <c>exported_*</c>, <c>up</c> on the scrape grid), driven by the virtual clock of the recorded samples. The frontier is
/// the slowest recording job's last complete snapshot, so a minute is judged only once every job has recorded it
/// (optionally, a job lagging by more than <see cref="RecordedLiveEvidenceOptions.LaggingJobTolerance"/> is taken as down).
/// <para>
/// With a <see cref="LiveAlertEvaluation"/>, the series its rules read (and the synthesised <c>up</c>) are written into
/// its Prometheus as they arrive and the alert rules are evaluated up to one scrape interval behind the frontier (the
/// latest <c>up</c> slot closes then), which becomes the frontier the gates see: <c>ALERTS</c> and the rule-evaluation
/// marker are then live too, and a critical or third warning episode stops the run at its minute. Without one, or
/// once its Prometheus failed, the alerts gate is INCONCLUSIVE live (never PASS) and is judged on the backfill at the end.
/// </para>
/// </summary>
public sealed partial class RecordedLiveEvidence : ILiveEvidence
{
    public const string AlertsNotLive =
        "ALERTS are derived from the alert rules when the recordings are backfilled at the end of the run; live, rule evaluation is not proven";

    public const string UpMetric = "up";

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        ContinuityGate.StartMetric, "pnl_usd", "var_pct", "process_resident_memory_bytes", "edgerisk_build_info",
    };

    private readonly RecordedLiveEvidenceOptions _options;
    private readonly List<JobRecording> _jobs;
    private readonly LiveAlertEvaluation? _alerts;
    private volatile bool _writersExited;
    private long? _frontierMs;

    public RecordedLiveEvidence(IReadOnlyList<RecordedMetricsSource> sources, RecordedLiveEvidenceOptions options,
        LiveAlertEvaluation? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        if (sources.Count == 0)
        {
            throw new GateConfigurationException("live gates: no recorded metrics files to follow; pass one per trading job");
        }

        if (options.ScrapeInterval < TimeSpan.FromMilliseconds(1))
        {
            throw new GateConfigurationException($"live gates: scrape interval {options.ScrapeInterval} is not positive; pass the processes' --record-interval (e.g. 15s)");
        }

        _options = options;
        _alerts = alerts;
        var names = alerts is null ? Names : Names.Union(alerts.InputMetrics, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        _jobs = sources.Select(s => new JobRecording(s.Job, new RecordedFileTail(s.Path, names))).ToList();
    }

    /// <summary>Why the live alert evaluation stopped (its Prometheus failed); null while it works or when there is none.</summary>
    public string? AlertsProblem { get; private set; }

    public EvidenceRecording Recording { get; } = new();

    /// <summary>The earliest snapshot of any job read so far (the run's virtual start); null before the first.</summary>
    public DateTimeOffset? FirstSnapshot => _jobs.Where(j => j.Times.Count > 0).Select(j => (DateTimeOffset?)DateTimeOffset.FromUnixTimeMilliseconds(j.Times[0])).Min();

    /// <summary>Every writing process has exited: terminated last snapshots count, and nothing more will come.</summary>
    public void MarkWritersExited() => _writersExited = true;

    public async Task<LiveEvidenceFrontier> RefreshAsync(CancellationToken cancellationToken)
    {
        var exited = _writersExited;
        foreach (var job in _jobs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var snapshot in job.Tail.ReadNew(exited))
            {
                job.Add(snapshot);
            }
        }

        _frontierMs = Frontier(exited);
        if (_frontierMs is not { } ms)
        {
            return new LiveEvidenceFrontier(null, exited);
        }

        if (_alerts is not null && AlertsProblem is null)
        {
            // The newest up slot is known only once the next one begins; after the writers exited every slot is known.
            var upTo = exited ? ms : ms - IntervalMs;
            try
            {
                await _alerts.WriteAsync(Unforwarded(upTo), cancellationToken);
                await _alerts.EvaluateAsync(FirstSnapshot!.Value, DateTimeOffset.FromUnixTimeMilliseconds(upTo), cancellationToken);
                if (_alerts.EvaluatedUpTo is not { } evaluated)
                {
                    return new LiveEvidenceFrontier(null, exited);
                }

                ms = Math.Min(ms, evaluated.ToUnixTimeMilliseconds());
            }
            catch (EvidenceUnavailableException e)
            {
                AlertsProblem = $"live alert evaluation stopped: {e.Message}";
            }
        }

        return new LiveEvidenceFrontier(DateTimeOffset.FromUnixTimeMilliseconds(ms), exited);
    }

    public Task<IReadOnlyList<TimeSeries>> GetSeriesAsync(string selector, GateWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        IReadOnlyList<TimeSeries> series = selector switch
        {
            GateEvaluator.UpSelector => _jobs.Where(j => JobPattern().IsMatch(j.Job)).Select(j => Up(j, window)).OfType<TimeSeries>().ToList(),
            GateEvaluator.TradingStartSelector => Slice(ContinuityGate.StartMetric, window, edgeriskOnly: true),
            GateEvaluator.RssSelector => Slice("process_resident_memory_bytes", window, edgeriskOnly: true),
            GateEvaluator.PnlSelector => Slice("pnl_usd", window, edgeriskOnly: false),
            GateEvaluator.VarSelector => Slice("var_pct", window, edgeriskOnly: false),
            GateEvaluator.BuildInfoSelector => Slice("edgerisk_build_info", window, edgeriskOnly: true),
            GateEvaluator.AlertsSelector => LiveAlerts().Alerts(window),
            GateEvaluator.RulesMarkerSelector => LiveAlerts().Marker(window),
            _ => throw new EvidenceUnavailableException($"the live recordings hold no series for {selector}"),
        };
        return Task.FromResult(series);
    }

    public Task<RulesEvidence?> GetAlertRulesAsync(CancellationToken cancellationToken) => Task.FromResult<RulesEvidence?>(null);

    public Task<IReadOnlyList<ContainerFacts>?> GetContainersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContainerFacts>?>(null);

    private LiveAlertEvaluation LiveAlerts() =>
        AlertsProblem is { } problem ? throw new EvidenceUnavailableException(problem)
        : _alerts ?? throw new EvidenceUnavailableException(AlertsNotLive);

    /// <summary>What the rules read and was not written yet: every new sample, and each job's up slots up to <paramref name="upToMs"/>.</summary>
    private List<TimeSeries> Unforwarded(long upToMs)
    {
        var series = new List<TimeSeries>();
        foreach (var job in _jobs)
        {
            series.AddRange(job.Series.Values.Where(s => _alerts!.InputMetrics.Contains(s.Name)).Select(s => s.TakeUnforwarded()).OfType<TimeSeries>());
            var from = job.UpForwardedToMs is { } done ? done + 1 : FirstSnapshot!.Value.ToUnixTimeMilliseconds();
            if (_alerts!.InputMetrics.Contains(UpMetric) && JobPattern().IsMatch(job.Job) && from <= upToMs
                && Up(job, new GateWindow(DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(upToMs))) is { } up)
            {
                series.Add(up);
                job.UpForwardedToMs = upToMs;
            }
        }

        return series;
    }

    private long? Frontier(bool exited)
    {
        var recorded = _jobs.Where(j => j.Times.Count > 0).ToList();
        if (recorded.Count == 0)
        {
            return null;
        }

        var leader = recorded.Max(j => j.Times[^1]);
        if (exited)
        {
            var planned = _options.ExpectedDuration is { } d
                ? recorded.Max(j => j.Times[0] + (long)d.TotalMilliseconds - IntervalMs)
                : leader;
            return Math.Max(leader, planned);
        }

        var runStart = recorded.Min(j => j.Times[0]);
        var keeping = _options.LaggingJobTolerance is { } lag
            ? _jobs.Where(j => leader - (j.Times.Count > 0 ? j.Times[^1] : runStart) <= (long)lag.TotalMilliseconds).ToList()
            : _jobs;
        // A job that has not recorded yet (within the tolerance) holds the frontier back.
        return keeping.Any(j => j.Times.Count == 0) ? null : keeping.Min(j => j.Times[^1]);
    }

    private long IntervalMs => (long)_options.ScrapeInterval.TotalMilliseconds;

    /// <summary>up on the grid from the job's first snapshot: 1 when a snapshot fell into the slot, 0 when none did and the job is known down.</summary>
    private TimeSeries? Up(JobRecording job, GateWindow window)
    {
        var runStart = _jobs.Where(j => j.Times.Count > 0).Select(j => (long?)j.Times[0]).Min();
        if (runStart is null || _frontierMs is not { } frontier)
        {
            return null;
        }

        var start = job.Times.Count > 0 ? job.Times[0] : runStart.Value;
        var last = job.Times.Count > 0 ? job.Times[^1] : long.MinValue;
        // Past its last snapshot a job is known down only when the frontier has moved on without it.
        var until = frontier > last ? frontier : last;
        var from = (long)Math.Round(window.StartSeconds * 1000);
        var to = Math.Min(until, (long)Math.Round(window.EndSeconds * 1000));
        if (to < start)
        {
            return null;
        }

        var first = from <= start ? 0 : (from - start + IntervalMs - 1) / IntervalMs;
        var count = ((to - start) / IntervalMs) - first + 1;
        if (count <= 0)
        {
            return null;
        }

        var present = ScrapeRules.Presence(job.Times, start, IntervalMs, first, checked((int)count));
        var times = new double[present.Length];
        var values = new double[present.Length];
        for (var k = 0; k < present.Length; k++)
        {
            times[k] = (start + ((first + k) * IntervalMs)) / 1000.0;
            values[k] = present[k] ? 1 : 0;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["__name__"] = "up", ["job"] = job.Job, ["instance"] = job.Job };
        return new TimeSeries(labels, times, values);
    }

    private List<TimeSeries> Slice(string name, GateWindow window, bool edgeriskOnly)
    {
        var result = new List<TimeSeries>();
        foreach (var job in _jobs.Where(j => !edgeriskOnly || JobPattern().IsMatch(j.Job)))
        {
            result.AddRange(job.Series.Values.Where(b => b.Name == name).Select(b => b.Slice(window)).OfType<TimeSeries>());
        }

        return result;
    }

    [GeneratedRegex("^edgerisk.*$", RegexOptions.CultureInvariant)]
    private static partial Regex JobPattern();

    private sealed class JobRecording(string job, RecordedFileTail tail)
    {
        public string Job { get; } = job;

        public RecordedFileTail Tail { get; } = tail;

        public List<long> Times { get; } = [];

        public Dictionary<RecordedSeries, GrowingSeries> Series { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>The end of the up slots written to the live alert evaluation so far.</summary>
        public long? UpForwardedToMs { get; set; }

        public void Add(RecordedSnapshot snapshot)
        {
            Times.Add(snapshot.TimeMs);
            foreach (var sample in snapshot.Samples)
            {
                if (!Series.TryGetValue(sample.Series, out var buffer))
                {
                    buffer = new GrowingSeries(Labels(sample.Series));
                    Series.Add(sample.Series, buffer);
                }

                var time = (sample.TimestampMs ?? snapshot.TimeMs) / 1000.0;
                if (buffer.Times.Count > 0 && time <= buffer.Times[^1])
                {
                    continue;
                }

                buffer.Times.Add(time);
                buffer.Values.Add(Value(sample.Value));
            }
        }

        private Dictionary<string, string> Labels(RecordedSeries series)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["__name__"] = series.Name, ["job"] = Job, ["instance"] = Job };
            foreach (var (name, value) in series.Labels)
            {
                labels[ScrapeRules.StoredLabelName(name)] = value;
            }

            return labels;
        }

        private static double Value(string token) => token switch
        {
            "NaN" => double.NaN,
            "+Inf" or "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }
}
