using EdgeRisk.Evidence;
using EdgeRisk.Evidence.Gates;

namespace EdgeRisk.Benchmarks;

/// <summary>The five gates over 48 h at 1 s resolution for 10 series (≈ 1.7 M samples), already fetched. Goal: &lt; 1 s.</summary>
[MemoryDiagnoser]
public class GatesBenchmarks
{
    private GateWindow _window = null!;
    private List<TimeSeries> _up = null!;
    private List<TimeSeries> _starts = null!;
    private List<TimeSeries> _pnl = null!;
    private List<TimeSeries> _var = null!;
    private List<TimeSeries> _rss = null!;
    private List<TimeSeries> _marker = null!;

    [GlobalSetup]
    public void Setup()
    {
        _window = GateWindow.Ending(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(48));
        var start = _window.StartSeconds;
        string[] jobs = ["edgerisk-crypto", "edgerisk-stocks"];
        _up = jobs.Select(j => Series("up", j, _ => 1)).ToList();
        _starts = jobs.Select(j => Series("edgerisk_start_time_seconds", j, _ => start - 60)).ToList();
        _rss = jobs.Select(j => Series("process_resident_memory_bytes", j, t => 1e8 + ((t - start) % 600))).ToList();
        _var = [Series("var_pct", jobs[0], t => 50 + (20 * Math.Sin(t / 900)))];
        _pnl =
        [
            Series("pnl_usd", jobs[0], t => Math.Sin(t / 3600) * 10, ("book", "paper"), ("symbol", "BTC-USD")),
            Series("pnl_usd", jobs[0], t => Math.Sin(t / 3600) * 10, ("book", "sim"), ("symbol", "BTC-USD")),
            Series("pnl_usd", jobs[1], t => Math.Cos(t / 3600) * 10, ("book", "paper"), ("symbol", "NVDA")),
        ];
        _marker = [Series("edgerisk_rules_evaluated", "prometheus", _ => 1)];
    }

    [Benchmark]
    public GateStatus EvaluateFiveGates()
    {
        GateResult[] gates =
        [
            ContinuityGate.Evaluate(_window, _up, _starts, null),
            AlertsGate.Evaluate(_window, [], _marker, null, _var),
            PnlDriftGate.Evaluate(_window, _pnl, 100m),
            VarGate.Evaluate(_window, _var),
            RssDriftGate.Evaluate(_window, _rss),
        ];
        return GateReport.Combine(gates);
    }

    private TimeSeries Series(string name, string job, Func<double, double> value, params (string Key, string Value)[] labels)
    {
        var n = (int)_window.LengthSeconds + 1;
        var times = new double[n];
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            times[i] = _window.StartSeconds + i;
            values[i] = value(times[i]);
        }

        var l = new Dictionary<string, string>(StringComparer.Ordinal) { ["__name__"] = name, ["job"] = job };
        foreach (var (k, v) in labels)
        {
            l[k] = v;
        }

        return new TimeSeries(l, times, values);
    }
}
