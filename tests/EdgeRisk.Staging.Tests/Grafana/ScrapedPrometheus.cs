using EdgeRisk.Evidence.Prometheus;

namespace EdgeRisk.Staging.Tests.Grafana;

/// <summary>
/// A real Prometheus scraping a loopback endpoint (job edgerisk-crypto, every 500 ms) that exports every series the
/// committed dashboards read, plus <c>frozen_metric</c> carrying an explicit timestamp 30 s before the endpoint started.
/// </summary>
public sealed class ScrapedPrometheus : IAsyncDisposable
{
    private readonly LoopbackMetricsEndpoint _endpoint;
    private readonly HttpClient _http;

    private ScrapedPrometheus(LoopbackMetricsEndpoint endpoint, PrometheusServer prometheus)
    {
        _endpoint = endpoint;
        Server = prometheus;
        var api = PrometheusClientFactory.Create(prometheus.BaseUrl, timeout: TimeSpan.FromSeconds(5));
        _http = api.Client;
        Client = new PrometheusQueryClient(api);
    }

    public PrometheusServer Server { get; }

    public PrometheusQueryClient Client { get; }

    public static async Task<ScrapedPrometheus> StartAsync()
    {
        var frozenAt = DateTimeOffset.UtcNow.AddSeconds(-30).ToUnixTimeMilliseconds();
        var scrapes = 0;
        var endpoint = await LoopbackMetricsEndpoint.StartAsync(() => Exposition(Interlocked.Increment(ref scrapes), frozenAt));
        var config = $$"""
            global: {scrape_interval: 500ms, scrape_timeout: 400ms, evaluation_interval: 1s}
            scrape_configs:
              - job_name: edgerisk-crypto
                static_configs: [{targets: ['{{endpoint.Target}}']}]
            """;
        var prometheus = await PrometheusServer.StartAsync(config);
        var scraped = new ScrapedPrometheus(endpoint, prometheus);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await scraped.Client.QueryAsync("count(count_over_time(var_pct[1m]) >= 2)", DateTimeOffset.UtcNow)).Count == 0)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                await scraped.DisposeAsync();
                throw new TimeoutException("Prometheus did not scrape the loopback endpoint twice within 30 s");
            }

            await Task.Delay(100);
        }

        return scraped;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await _endpoint.DisposeAsync();
        _http.Dispose();
    }

    /// <summary>Per gate: status, margin, value and threshold, one metric family after the other.</summary>
    private static readonly (string Gate, string Status, string Margin, string Value, string Threshold)[] Gates =
    [
        ("continuity", "0", "118", "12", "120"),
        ("alerts", "0", "1", "1", "2"),
        ("pnl_drift", "1", "-0.1", "0.6", "0.5"),
        ("var", "0", "47.5", "47.5", "95"),
        ("rss_drift", "0", "0.021", "0.009", "0.03"),
    ];

    private static string GateSeries()
    {
        (string Metric, Func<(string Gate, string Status, string Margin, string Value, string Threshold), string> Pick)[] families =
        [
            ("edgerisk_gate_status", g => g.Status),
            ("edgerisk_gate_margin", g => g.Margin),
            ("edgerisk_gate_value", g => g.Value),
            ("edgerisk_gate_threshold", g => g.Threshold),
        ];
        return string.Join("\n", families.SelectMany(f => Gates.Select(g => $"{f.Metric}{{gate=\"{g.Gate}\"}} {f.Pick(g)}")));
    }

    private static string Exposition(int scrape, long frozenAtMs)
    {
        var n = scrape.ToString(CultureInfo.InvariantCulture);
        return $$"""
            edge_blended_bps{symbol="BTC-USD"} 3.5
            edge_blended_bps{symbol="ETH-USD"} -1.25
            edge_blended_mean_bps{symbol="BTC-USD"} 2
            edge_blended_mean_bps{symbol="ETH-USD"} 1
            edge_blended_sigma_bps{symbol="BTC-USD"} 1.5
            edge_blended_sigma_bps{symbol="ETH-USD"} 2
            var_pct 42.5
            model_switch_total{symbol="BTC-USD",from="short",to="long"} {{n}}
            model_switch_total{symbol="BTC-USD",from="long",to="short"} {{n}}
            pnl_usd{symbol="BTC-USD",book="paper"} 120.5
            pnl_usd{symbol="BTC-USD",book="sim"} 118
            feed_lag_seconds{symbol="BTC-USD"} 0.2
            process_resident_memory_bytes 123456789
            {{GateSeries()}}
            edgerisk_gate_window_coverage_ratio 0.25
            edgerisk_gate_window_remaining_seconds 129600
            edgerisk_release_verdict 1
            frozen_metric 1 {{frozenAtMs.ToString(CultureInfo.InvariantCulture)}}

            """;
    }
}
