using System.Text;

namespace EdgeRisk.Staging.Tests.Alerting;

/// <summary>
/// Real Prometheus + Alertmanager + Pushgateway wired to the loopback PagerDuty, from rendered copies of the
/// repository configs: 1 s evaluation and notification intervals, the Events v2 URL of the fake, a routing-key
/// file, and the Pushgateway as the edgerisk-crypto target. VarHigh's 30 s hold is cut to 1 s; the holds
/// themselves are pinned by the promtool unit tests.
/// </summary>
public sealed class AlertingStack : IAsyncDisposable
{
    /// <summary>A 32-character integration key that exists only in these tests.</summary>
    public const string RoutingKey = "R0ut1ngKeyForStagingTests0000001";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly List<IAsyncDisposable> _owned = [];

    private AlertingStack()
    {
    }

    public FakePagerDuty PagerDuty { get; private set; } = null!;

    public AlertmanagerServer Alertmanager { get; private set; } = null!;

    public PushgatewayServer Pushgateway { get; private set; } = null!;

    public static async Task<AlertingStack> StartAsync()
    {
        var stack = new AlertingStack();
        try
        {
            stack.PagerDuty = stack.Own(await FakePagerDuty.StartAsync());
            stack.Pushgateway = stack.Own(await PushgatewayServer.StartAsync());
            stack.Alertmanager = stack.Own(await AlertmanagerServer.StartAsync(
                RenderAlertmanager(stack.PagerDuty.EnqueueUrl),
                new Dictionary<string, string> { ["pagerduty_routing_key"] = RoutingKey + "\n" }));
            stack.Own(await PrometheusServer.StartAsync(
                RenderPrometheus(stack.Alertmanager.Port, stack.Pushgateway.Port), extraFiles: RenderRules()));
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Replaces the metrics of the trading process's Pushgateway group (job edgerisk-crypto).</summary>
    public async Task PushAsync(string exposition)
    {
        using var content = new StringContent(exposition.EndsWith('\n') ? exposition : exposition + "\n", Encoding.UTF8, "text/plain");
        using var response = await Http.PutAsync(new Uri(Pushgateway.BaseUrl, "metrics/job/edgerisk-crypto/instance/127.0.0.1:9101"), content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Polls Alertmanager's /api/v2/alerts until an alert satisfies <paramref name="predicate"/>.</summary>
    public async Task<JsonObject> WaitForAlertmanagerAlertAsync(Func<JsonObject, bool> predicate, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var alerts = JsonNode.Parse(await Http.GetStringAsync(new Uri(Alertmanager.BaseUrl, "api/v2/alerts")))!.AsArray();
            if (alerts.OfType<JsonObject>().FirstOrDefault(predicate) is { } match)
            {
                return match;
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"no matching Alertmanager alert within {timeout.TotalSeconds:0} s: {alerts.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private static string RenderAlertmanager(Uri enqueueUrl)
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("alertmanager", "alertmanager.yml"));
        text = ConfigText.Replace(text, "pagerduty_url: https://events.pagerduty.com/v2/enqueue", $"pagerduty_url: {enqueueUrl}");
        text = ConfigText.Replace(text, "routing_key_file: /etc/alertmanager/secrets/pagerduty_routing_key", "routing_key_file: pagerduty_routing_key");
        text = ConfigText.Replace(text, "group_wait: 30s", "group_wait: 0s");
        text = ConfigText.Replace(text, "group_wait: 10s", "group_wait: 0s");
        text = ConfigText.Replace(text, "group_interval: 5m", "group_interval: 1s");
        return ConfigText.Replace(text, "group_interval: 1m", "group_interval: 1s");
    }

    private static string RenderPrometheus(int alertmanagerPort, int pushgatewayPort)
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("prometheus", "prometheus.yml"));
        // Keep global, rule_files and alerting from the repository; scrape only the Pushgateway, as edgerisk-crypto.
        var head = text[..text.IndexOf("scrape_configs:", StringComparison.Ordinal)];
        head = ConfigText.Replace(head, "evaluation_interval: 5s", "evaluation_interval: 1s");
        head = ConfigText.Replace(head, "targets: ['127.0.0.1:9093']", $"targets: ['127.0.0.1:{alertmanagerPort}']");
        return head + $"""
            scrape_configs:
              - job_name: edgerisk-crypto
                scrape_interval: 1s
                honor_labels: true
                static_configs:
                  - targets: ['127.0.0.1:{pushgatewayPort}']

            """;
    }

    private static Dictionary<string, string> RenderRules()
    {
        var files = Directory.EnumerateFiles(RepositoryRoot.Combine("prometheus", "rules"), "*.yml")
            .ToDictionary(path => Path.Combine("rules", Path.GetFileName(path)), File.ReadAllText);
        var risk = Path.Combine("rules", "risk.yml");
        files[risk] = ConfigText.Replace(files[risk], "expr: var_pct > 90\n        for: 30s", "expr: var_pct > 90\n        for: 1s");
        return files;
    }
}
