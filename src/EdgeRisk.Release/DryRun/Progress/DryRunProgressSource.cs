using System.Globalization;
using EdgeRisk.Evidence.Gates.Live;
using EdgeRisk.Evidence.Recordings;

namespace EdgeRisk.Release.DryRun.Progress;

/// <summary>
/// The dry run's progress from the trading processes' growing <c>--record-metrics</c> files (their virtual clock): elapsed
/// virtual time from the first snapshot of any job to the latest, events handled (<c>tick_to_decision_seconds_count</c>) and
/// fills received (<c>fills_total</c>) summed over the jobs — counted across a restart, which starts its counters at zero —
/// and the latest live gate judgement given to <see cref="Observe"/>.
/// </summary>
public sealed class DryRunProgressSource
{
    public const string EventsMetric = "tick_to_decision_seconds_count";
    public const string FillsMetric = "fills_total";

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { EventsMetric, FillsMetric };

    private readonly TimeSpan _total;
    private readonly bool _liveGates;
    private readonly List<RecordedFileTail> _tails;
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long? _firstMs;
    private long? _lastMs;
    private IReadOnlyList<DryRunGateProgress>? _gates;

    /// <param name="liveGates">The gates are judged live: until the first judgement each shows as WAITING.</param>
    public DryRunProgressSource(IReadOnlyList<RecordedMetricsSource> sources, TimeSpan total, bool liveGates)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _total = total;
        _liveGates = liveGates;
        _tails = [.. sources.Select(s => new RecordedFileTail(s.Path, Names))];
        Jobs = [.. sources.Select(s => s.Job)];
    }

    private IReadOnlyList<string> Jobs { get; }

    /// <summary>The live gates judged another minute: the next reports show its statuses and margins.</summary>
    public void Observe(LiveGateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var gates = DryRunGateProgress.From(snapshot.Gates);
        lock (_gate)
        {
            _gates = gates;
        }
    }

    /// <summary>Takes in the snapshots recorded since the last call; <paramref name="writersExited"/>: the processes are gone, this is the last report.</summary>
    public DryRunProgress Read(bool writersExited)
    {
        lock (_gate)
        {
            for (var j = 0; j < _tails.Count; j++)
            {
                foreach (var snapshot in _tails[j].ReadNew(writersExited))
                {
                    _firstMs = Math.Min(_firstMs ?? snapshot.TimeMs, snapshot.TimeMs);
                    _lastMs = Math.Max(_lastMs ?? snapshot.TimeMs, snapshot.TimeMs);
                    foreach (var sample in snapshot.Samples)
                    {
                        var key = Key(Jobs[j], sample.Series);
                        if (!_counters.TryGetValue(key, out var counter))
                        {
                            counter = new Counter(sample.Name);
                            _counters.Add(key, counter);
                        }

                        counter.Add(sample.Value);
                    }
                }
            }

            var elapsed = _firstMs is { } first && _lastMs is { } last ? TimeSpan.FromMilliseconds(last - first) : TimeSpan.Zero;
            return new DryRunProgress(
                elapsed < _total ? elapsed : _total,
                _total,
                Total(EventsMetric),
                Total(FillsMetric),
                _gates ?? (_liveGates ? DryRunProgress.Waiting : []))
            {
                Finished = writersExited,
            };
        }
    }

    /// <summary>
    /// Reports to <paramref name="sink"/> every <paramref name="interval"/> of wall time until <paramref name="run"/> (the
    /// supervised processes) completes, then once more as finished; returns that last report.
    /// </summary>
    public async Task<DryRunProgress> ReportAsync(IDryRunProgressSink sink, Task run, TimeSpan interval, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(timeProvider);
        while (!run.IsCompleted)
        {
            sink.Report(Read(writersExited: false));
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(run, Task.Delay(interval, timeProvider, wait.Token));
            await wait.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        var last = Read(writersExited: true);
        sink.Report(last);
        return last;
    }

    private long Total(string name) => (long)Math.Round(_counters.Values.Where(c => c.Name == name).Sum(c => c.Total));

    private static string Key(string job, RecordedSeries series) =>
        job + "\n" + series.Name + "{" + string.Join(",", series.Labels.Select(l => l.Key + "=" + l.Value)) + "}";

    /// <summary>A counter's increase over the run: a drop (the process restarted) starts a new leg from zero.</summary>
    private sealed class Counter(string name)
    {
        private double _last;

        public string Name { get; } = name;

        public double Total { get; private set; }

        public void Add(string token)
        {
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                return;
            }

            Total += value >= _last ? value - _last : value;
            _last = value;
        }
    }
}
