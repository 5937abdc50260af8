namespace EdgeRisk.Staging.Tests.Grafana;

/// <summary>One scraped Prometheus per test class, started on first use and stopped (by pid) after the class.</summary>
public sealed class ScrapedPrometheusFixture : IAsyncLifetime
{
    private readonly Lazy<Task<ScrapedPrometheus>> _prometheus = new(ScrapedPrometheus.StartAsync);

    public Task<ScrapedPrometheus> GetAsync() => _prometheus.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_prometheus.IsValueCreated)
        {
            await (await _prometheus.Value).DisposeAsync();
        }
    }
}
