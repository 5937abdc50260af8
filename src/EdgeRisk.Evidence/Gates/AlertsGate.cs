namespace EdgeRisk.Evidence.Gates;

/// <summary>
/// 0 critical, ≤ maxWarningEpisodes (2 shipped) warning, all resolved, from <c>ALERTS{alertstate="firing"}</c>. An episode is one contiguous
/// firing interval of one alertname+labels. No ALERTS at all passes only with proof that rules were evaluated
/// over the window: the marker series <c>edgerisk_rules_evaluated</c> = 1 covering it, or healthy alerting rules
/// in /api/v1/rules plus <c>var_pct</c> (their input) covering it.
/// </summary>
public static class AlertsGate
{
    public static GateResult Evaluate(
        GateWindow window,
        IReadOnlyList<TimeSeries> firing,
        IReadOnlyList<TimeSeries> rulesEvaluatedMarker,
        RulesEvidence? rules,
        IReadOnlyList<TimeSeries> varPct,
        GateSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(firing);
        ArgumentNullException.ThrowIfNull(rulesEvaluatedMarker);
        ArgumentNullException.ThrowIfNull(varPct);
        settings ??= GateSettings.Default;
        var episodes = Episodes(window, firing, settings.AlertEpisodeGap.TotalSeconds);
        var critical = episodes.Where(e => e.Severity != "warning").ToList();
        var warnings = episodes.Where(e => e.Severity == "warning").ToList();
        var stillFiring = episodes.Where(e => e.FiringAtEnd).ToList();
        var plot = Plot(window, warnings, critical, settings.MaxWarningEpisodes);
        var failures = new List<string>();
        failures.AddRange(critical.Select(e => $"{e.Severity} {e.Alert} fired {SeriesMath.At(e.Start)}"));
        if (warnings.Count > settings.MaxWarningEpisodes)
        {
            failures.Add($"{warnings.Count} warning episodes (> {settings.MaxWarningEpisodes}): {ByAlertName(warnings)}");
        }

        failures.AddRange(stillFiring.Select(e => $"{e.Alert} still firing at window end"));
        if (failures.Count > 0)
        {
            var irreversible = critical.Count > 0 || warnings.Count > settings.MaxWarningEpisodes;
            var offending = critical.Count + Math.Max(0, warnings.Count - settings.MaxWarningEpisodes) + stillFiring.Count;
            return new GateResult(GateNames.Alerts, GateStatus.Fail, warnings.Count, settings.MaxWarningEpisodes,
                GateText.Summarise(failures), -offending, irreversible, plot);
        }

        var proof = EvaluationProof(window, rulesEvaluatedMarker, rules, varPct, settings.CoverageSampleTolerance.TotalSeconds, settings.MinCoverage);
        if (proof.Problem is not null)
        {
            return GateResult.Inconclusive(GateNames.Alerts, settings.MaxWarningEpisodes,
                $"{episodes.Count} episode(s) seen, but rule evaluation is not proven: {proof.Problem}", plot);
        }

        return new GateResult(GateNames.Alerts, GateStatus.Pass, warnings.Count, settings.MaxWarningEpisodes,
            $"0 critical, {warnings.Count} warning episode(s), all resolved; {proof.How}",
            settings.MaxWarningEpisodes - warnings.Count, false, plot);
    }

    /// <summary>Splits each alert's firing samples into episodes; an unknown or missing severity counts as critical.</summary>
    public static IReadOnlyList<AlertEpisode> Episodes(GateWindow window, IReadOnlyList<TimeSeries> firing, double maxGap)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(firing);
        var episodes = new List<AlertEpisode>();
        foreach (var series in firing.Select(s => s.Clean(window)).Where(s => s.Count > 0))
        {
            var name = series.Label("alertname") + series.LabelText("__name__", "alertname", "alertstate");
            var severity = series.Labels.TryGetValue("severity", out var sev) && sev is "warning" or "critical" ? sev : "unknown-severity";
            var t = series.Times;
            var v = series.Values;
            var start = double.NaN;
            var last = double.NaN;
            for (var i = 0; i < t.Length; i++)
            {
                if (v[i] <= 0)
                {
                    continue;
                }

                if (!double.IsNaN(last) && t[i] - last > maxGap)
                {
                    episodes.Add(new AlertEpisode(name, severity, start, last, false));
                    start = double.NaN;
                }

                if (double.IsNaN(start))
                {
                    start = t[i];
                }

                last = t[i];
            }

            if (!double.IsNaN(start))
            {
                episodes.Add(new AlertEpisode(name, severity, start, last, window.EndSeconds - last <= maxGap));
            }
        }

        episodes.Sort((a, b) => a.Start.CompareTo(b.Start));
        return episodes;
    }

    /// <summary>"EdgeBlendedOutOfBand ×45, VarHigh ×3, first EdgeBlendedOutOfBand{…} at …": one line however many episodes.</summary>
    private static string ByAlertName(IReadOnlyList<AlertEpisode> episodes)
    {
        var counts = episodes
            .GroupBy(e => e.Alert.Split('{', 2)[0], StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()}");
        var first = episodes.MinBy(e => e.Start)!;
        return $"{string.Join(", ", counts)}; first {first.Alert} at {SeriesMath.At(first.Start)}";
    }

    private static (string? Problem, string How) EvaluationProof(GateWindow window, IReadOnlyList<TimeSeries> marker,
        RulesEvidence? rules, IReadOnlyList<TimeSeries> varPct, double tolerance, double minCoverage)
    {
        var markerClean = marker.Select(s => s.Clean(window)).Where(s => s.Count > 0).ToList();
        string markerProblem;
        if (markerClean.Count == 0)
        {
            markerProblem = "no edgerisk_rules_evaluated marker";
        }
        else
        {
            var coverage = SeriesMath.MinCoverage(markerClean, window, tolerance);
            var allOne = markerClean.All(s => s.Values.All(v => v == 1));
            if (allOne && coverage >= minCoverage)
            {
                return (null, $"rule evaluation proven by edgerisk_rules_evaluated over {coverage:P1} of the window");
            }

            markerProblem = allOne ? $"edgerisk_rules_evaluated covers {coverage:P1}" : "edgerisk_rules_evaluated is not always 1";
        }

        if (rules is null || rules.Rules.Count == 0)
        {
            return ($"{markerProblem}, and Prometheus reports no alerting rules", string.Empty);
        }

        var unhealthy = rules.Rules.Where(r => r.Health != "ok").ToList();
        if (unhealthy.Count > 0)
        {
            var r = unhealthy[0];
            return ($"{markerProblem}, and {unhealthy.Count} alerting rule(s) not healthy (e.g. {r.Group}/{r.Name}: {r.Health}{(r.LastError is { Length: > 0 } e ? " " + e : string.Empty)})", string.Empty);
        }

        var varClean = varPct.Select(s => s.Clean(window)).Where(s => s.Count > 0).ToList();
        var varCoverage = varClean.Count == 0 ? 0 : SeriesMath.MinCoverage(varClean, window, tolerance);
        if (varCoverage < minCoverage)
        {
            return ($"{markerProblem}; rules healthy but var_pct (their input) covers {varCoverage:P1} of the window", string.Empty);
        }

        return (null, $"{rules.Rules.Count} alerting rules healthy and var_pct covers {varCoverage:P1} of the window");
    }

    private static GatePlot Plot(GateWindow window, List<AlertEpisode> warnings, List<AlertEpisode> critical, int maxWarningEpisodes)
    {
        GatePlotLine Cumulative(string legend, List<AlertEpisode> list)
        {
            var times = new List<double> { window.StartSeconds };
            var values = new List<double> { 0 };
            var n = 0;
            foreach (var e in list.OrderBy(e => e.Start))
            {
                times.Add(e.Start);
                values.Add(++n);
            }

            times.Add(window.EndSeconds);
            values.Add(n);
            return new GatePlotLine(legend, [.. times], [.. values]);
        }

        return new GatePlot("alerts: episodes so far", "episodes",
            [Cumulative("warning episodes", warnings), Cumulative("critical episodes", critical)], [maxWarningEpisodes]);
    }
}
