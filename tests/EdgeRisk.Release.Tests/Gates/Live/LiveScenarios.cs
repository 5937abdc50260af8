using System.Text.RegularExpressions;

namespace EdgeRisk.Release.Tests.Gates.Live;

/// <summary>4 h gate scenarios for runs against a scraping Prometheus, and a reader of a Pushgateway's /metrics.</summary>
internal static partial class LiveScenarios
{
    public const double Minute = 60;

    public static readonly PrometheusSourceOptions SourceOptions =
        new() { ScrapeInterval = TimeSpan.FromSeconds(15), RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 1 };

    /// <summary>The offline evaluation of a scenario's whole window, the answer the live judgements must end with.</summary>
    public static Task<GateReport> EvaluateOfflineAsync(PrometheusServer server, Evidence evidence) =>
        new GateEvaluator(TimeProvider.System).EvaluateAsync(OfflineOptions(server, evidence), null, CancellationToken.None);

    public static GateEvaluationOptions OfflineOptions(PrometheusServer server, Evidence evidence) => new()
    {
        PrometheusUrl = server.BaseUrl,
        WindowEnd = evidence.Window.End,
        WindowLength = evidence.Window.End - evidence.Window.Start,
        PnlSigmaUsd = 100m,
        Source = SourceOptions,
    };

    /// <summary>The healthy and the restart scenario each backfilled into its own real Prometheus, and a real Pushgateway.</summary>
    public static async Task<LiveScenarioServers> StartServersAsync()
    {
        var passEvidence = Healthy();
        var restartEvidence = Restart();
        var pass = PrometheusServer.StartAsync(openMetricsBackfill: passEvidence.ToOpenMetrics());
        var restart = PrometheusServer.StartAsync(openMetricsBackfill: restartEvidence.ToOpenMetrics());
        var pushgateway = PushgatewayServer.StartAsync();
        return new LiveScenarioServers(passEvidence, restartEvidence, await pass, await restart, await pushgateway);
    }

    /// <summary>A healthy 4 h soak at 15 s (enough for rss_drift), both trading jobs, rules evaluated.</summary>
    public static Evidence Healthy() => Evidence.Healthy(length: TimeSpan.FromHours(4), pnlSymbols: ["BTC-USD"]);

    /// <summary>The stocks process restarts: from 1h30m15s on, its start time is a new one (first failing minute: 1h31m).</summary>
    public static Evidence Restart()
    {
        var e = Healthy();
        return e.Set("edgerisk_start_time_seconds", t => t >= e.At((90 * Minute) + 15), (_, _) => e.At(90 * Minute), job: "edgerisk-stocks");
    }

    /// <summary>The Pushgateway's exposition of <paramref name="name"/>: one entry per series, its labels and value.</summary>
    public static async Task<List<(Dictionary<string, string> Labels, double Value)>> PushedAsync(Uri pushgateway, string name)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(pushgateway, "metrics"));
        var series = new List<(Dictionary<string, string>, double)>();
        foreach (var line in text.Split('\n'))
        {
            var match = SampleLine().Match(line);
            if (!match.Success || match.Groups["name"].Value != name)
            {
                continue;
            }

            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            series.Add((labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return series;
    }

    /// <summary>The value of <paramref name="name"/> for <paramref name="gate"/> (null: no gate label), or null when not pushed.</summary>
    public static async Task<double?> PushedValueAsync(Uri pushgateway, string name, string? gate = null)
    {
        var series = (await PushedAsync(pushgateway, name))
            .Where(s => s.Labels.GetValueOrDefault("job") == "edgerisk-release-gates" && s.Labels.GetValueOrDefault("gate") == gate)
            .ToList();
        return series.Count switch
        {
            0 => null,
            1 => series[0].Value,
            _ => throw new InvalidOperationException($"{series.Count} series of {name} for gate {gate}"),
        };
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelPair();
}

/// <summary>The servers of <see cref="LiveScenarios.StartServersAsync"/>, stopped together.</summary>
internal sealed record LiveScenarioServers(Evidence Pass, Evidence Restart, PrometheusServer PassServer, PrometheusServer RestartServer,
    PushgatewayServer Pushgateway) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await PassServer.DisposeAsync();
        await RestartServer.DisposeAsync();
        await Pushgateway.DisposeAsync();
    }
}
