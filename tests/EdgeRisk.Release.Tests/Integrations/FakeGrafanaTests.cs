namespace EdgeRisk.Release.Tests.Integrations;

/// <summary>
/// Tests against a fake Grafana that takes one service-account token, started for each test, with a folder for the
/// dashboard and rule-group files they import.
/// </summary>
public abstract class FakeGrafanaTests(string token) : IAsyncLifetime
{
    protected string Token { get; } = token;

    protected FakeGrafana Fake { get; private set; } = null!;

    protected GrafanaFiles Files { get; } = new();

    public async Task InitializeAsync() => Fake = await FakeGrafana.StartWithTokenAsync(Token);

    public async Task DisposeAsync()
    {
        await Fake.DisposeAsync();
        Files.Dispose();
    }

    /// <summary>A client of the fake sending <paramref name="token"/> (default: the one it takes).</summary>
    protected IGrafanaApi Client(string? token = null) =>
        GrafanaClientFactory.Create(new GrafanaOptions(Fake.BaseUrl, new Secret(token ?? Token), null, null));

    /// <summary>An importer with the default options through <see cref="Client"/>.</summary>
    protected DashboardImporter Importer(string? token = null) => new(Client(token), new DashboardImportOptions());
}
