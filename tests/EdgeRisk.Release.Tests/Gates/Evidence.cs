namespace EdgeRisk.Release.Tests.Gates;

/// <summary>Hand-built gate evidence: a healthy 48 h soak at a fixed step, mutated per test, as series or OpenMetrics.</summary>
internal sealed class Evidence
{
    public static readonly DateTimeOffset End = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public Evidence(double step = 15, TimeSpan? length = null, DateTimeOffset? end = null)
    {
        Step = step;
        Window = GateWindow.Ending(end ?? End, length ?? TimeSpan.FromHours(48));
    }

    public GateWindow Window { get; }

    public double Step { get; }

    public List<(string Name, Dictionary<string, string> Labels, List<double> Times, List<double> Values)> Series { get; } = [];

    /// <param name="pnlSymbols">The symbols with a paper and a sim pnl_usd series (default BTC-USD and NVDA).</param>
    public static Evidence Healthy(double step = 15, DateTimeOffset? end = null, TimeSpan? length = null, IReadOnlyList<string>? pnlSymbols = null)
    {
        var e = new Evidence(step, length, end);
        foreach (var job in new[] { "edgerisk-crypto", "edgerisk-stocks" })
        {
            e.Add("up", job, _ => 1);
            e.Add("edgerisk_start_time_seconds", job, _ => e.Window.StartSeconds - 600);
            e.Add("process_start_time_seconds", job, _ => e.Window.StartSeconds - 600);
            e.Add("process_resident_memory_bytes", job, _ => 100_000_000);
        }

        e.Add("var_pct", "edgerisk-crypto", t => 50 + (10 * Math.Sin(t / 3600)));
        e.Add("edgerisk_rules_evaluated", "prometheus", _ => 1);
        foreach (var symbol in pnlSymbols ?? ["BTC-USD", "NVDA"])
        {
            foreach (var book in new[] { "paper", "sim" })
            {
                e.Add("pnl_usd", "edgerisk-crypto", t => Math.Floor((t - e.Window.StartSeconds) / 3600), ("symbol", symbol), ("book", book));
            }
        }

        return e;
    }

    public Evidence Add(string name, string job, Func<double, double> value, params (string Key, string Value)[] labels)
    {
        var l = new Dictionary<string, string>(StringComparer.Ordinal) { ["__name__"] = name, ["job"] = job, ["instance"] = "127.0.0.1:1" };
        foreach (var (k, v) in labels)
        {
            l[k] = v;
        }

        var times = new List<double>();
        var values = new List<double>();
        for (var t = Window.StartSeconds; t <= Window.EndSeconds; t += Step)
        {
            times.Add(t);
            values.Add(value(t));
        }

        Series.Add((name, l, times, values));
        return this;
    }

    /// <summary>Rewrites samples of matching series at times where <paramref name="when"/> holds.</summary>
    public Evidence Set(string name, Func<double, bool> when, Func<double, double, double> value, string? job = null)
    {
        foreach (var s in Series.Where(s => s.Name == name && (job is null || s.Labels["job"] == job)))
        {
            for (var i = 0; i < s.Times.Count; i++)
            {
                if (when(s.Times[i]))
                {
                    s.Values[i] = value(s.Times[i], s.Values[i]);
                }
            }
        }

        return this;
    }

    public Evidence Remove(string name, Func<double, bool> when, string? job = null)
    {
        foreach (var s in Series.Where(s => s.Name == name && (job is null || s.Labels["job"] == job)))
        {
            for (var i = s.Times.Count - 1; i >= 0; i--)
            {
                if (when(s.Times[i]))
                {
                    s.Times.RemoveAt(i);
                    s.Values.RemoveAt(i);
                }
            }
        }

        return this;
    }

    public Evidence Only(params string[] names)
    {
        Series.RemoveAll(s => !names.Contains(s.Name));
        return this;
    }

    /// <summary>Offsets from the window start in seconds.</summary>
    public double At(double offset) => Window.StartSeconds + offset;

    public List<TimeSeries> Get(string name) =>
        Series.Where(s => s.Name == name).Select(s => new TimeSeries(s.Labels, [.. s.Times], [.. s.Values])).ToList();

    public GateResult Continuity() => ContinuityGate.Evaluate(Window, Get("up"), Get("edgerisk_start_time_seconds"), null);

    public GateResult Alerts() => AlertsGate.Evaluate(Window, Get("ALERTS"), Get("edgerisk_rules_evaluated"), null, Get("var_pct"));

    public GateResult PnlDrift(decimal? sigma = 100m) => PnlDriftGate.Evaluate(Window, Get("pnl_usd"), sigma);

    public GateResult Var() => VarGate.Evaluate(Window, Get("var_pct"));

    public GateResult Rss() => RssDriftGate.Evaluate(Window, Get("process_resident_memory_bytes"));

    public IReadOnlyList<GateResult> All() => [Continuity(), Alerts(), PnlDrift(), Var(), Rss()];

    /// <summary>OpenMetrics text for promtool backfill (one family per metric name, seconds timestamps).</summary>
    public string ToOpenMetrics()
    {
        var text = new StringBuilder();
        foreach (var family in Series.GroupBy(s => s.Name))
        {
            text.Append("# TYPE ").Append(family.Key).Append(" gauge\n");
            foreach (var s in family)
            {
                var labels = string.Join(",", s.Labels.Where(l => l.Key != "__name__").Select(l => $"{l.Key}=\"{l.Value}\""));
                for (var i = 0; i < s.Times.Count; i++)
                {
                    text.Append(family.Key).Append('{').Append(labels).Append("} ")
                        .Append(s.Values[i].ToString("R", CultureInfo.InvariantCulture)).Append(' ')
                        .Append(s.Times[i].ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }

        return text.Append("# EOF\n").ToString();
    }
}
