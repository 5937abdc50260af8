using EdgeRisk.Trading.Ledger;

namespace EdgeRisk.Trading.Statistics;

/// <summary>
/// Samples the paper and sim books' equity at the end of every <see cref="ReturnInterval"/> that holds at least one event:
/// the first point is the equity before the first event, at the start of its interval; each later point is the
/// equity as marked by the last event of its interval, stamped with the interval's end. Intervals without events
/// (a weekend of an equity-only book) get no point, so a return spans them.
/// Call <see cref="Before"/> with each event's time before the engine sees it, and <see cref="Complete"/> after the last.
/// </summary>
public sealed class EquityCurveRecorder
{
    private readonly ReturnInterval _interval;
    private readonly BookLedger _paper;
    private readonly BookLedger _sim;
    private readonly List<EquityPoint> _paperCurve = [];
    private readonly List<EquityPoint> _simCurve = [];
    private DateTime _end;
    private bool _completed;

    public EquityCurveRecorder(ReturnInterval interval, BookLedger paper, BookLedger sim)
    {
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(sim);
        _interval = interval;
        _paper = paper;
        _sim = sim;
    }

    public ReturnInterval Interval => _interval;

    public IReadOnlyList<EquityPoint> PaperCurve => _paperCurve;

    public IReadOnlyList<EquityPoint> SimCurve => _simCurve;

    public void Before(DateTime eventTime)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The equity curve is complete.");
        }

        if (_end == default)
        {
            _end = _interval.EndOf(eventTime);
            Add(_end - _interval.Length);
            return;
        }

        if (eventTime > _end)
        {
            Add(_end);
            _end = _interval.EndOf(eventTime);
        }
    }

    /// <summary>Adds the last interval's point (nothing when no event was seen).</summary>
    public void Complete()
    {
        if (!_completed && _end != default)
        {
            Add(_end);
        }

        _completed = true;
    }

    private void Add(DateTime time)
    {
        _paperCurve.Add(new EquityPoint(time, _paper.EquityUsd));
        _simCurve.Add(new EquityPoint(time, _sim.EquityUsd));
    }
}
