namespace EdgeRisk.Release.Tests.Integrations;

public sealed class GrafanaDashboardVerifierTests
{
    private const string Token = "glsa_verifierToken_0123456789";

    private static IGrafanaApi Client(FakeGrafana fake) =>
        GrafanaClientFactory.Create(new GrafanaOptions(fake.BaseUrl, new Secret(Token), null, null));

    private static GrafanaDashboardVerifier Verifier(FakeGrafana fake, DashboardVerifierOptions? options = null) =>
        new(Client(fake), options ?? new DashboardVerifierOptions());

    private static async Task<string> ImportAsync(FakeGrafana fake, GrafanaFiles files)
    {
        var path = files.Write("dash.json", GrafanaFiles.Dashboard());
        await new DashboardImporter(Client(fake), new DashboardImportOptions()).ImportAsync(path);
        return path;
    }

    [Fact]
    public async Task VerifyAsync_ImportedDashboardWithData_Passes()
    {
        await using var fake = await FakeGrafana.StartWithTokenAsync(Token);
        using var files = new GrafanaFiles();
        var path = await ImportAsync(fake, files);
        fake.SetSeries("edgerisk_drawdown_ratio", 0.01m, 0.02m, 0.015m);

        var result = await Verifier(fake).VerifyAsync(path);

        Assert.Equal(VerificationStatus.Pass, result.Status);
        Assert.Equal(3, Assert.Single(result.Queries).Points);
        var query = JsonNode.Parse(fake.Requests.Last(r => r.Path == "/api/ds/query").Body)!;
        Assert.Equal("now-15m", query["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task VerifyAsync_QueryWithoutData_IsInconclusive()
    {
        await using var fake = await FakeGrafana.StartWithTokenAsync(Token);
        using var files = new GrafanaFiles();
        var path = await ImportAsync(fake, files);

        var result = await Verifier(fake).VerifyAsync(path);

        Assert.Equal(VerificationStatus.Inconclusive, result.Status);
        Assert.Equal("no data in range", Assert.Single(result.Queries).Reason);
    }

    [Fact]
    public async Task VerifyAsync_DashboardNotImported_Fails()
    {
        await using var fake = await FakeGrafana.StartWithTokenAsync(Token);
        using var files = new GrafanaFiles();

        var result = await Verifier(fake).VerifyAsync(files.Write("dash.json", GrafanaFiles.Dashboard()));

        Assert.False(result.Present);
        Assert.Equal(VerificationStatus.Fail, result.Status);
    }

    [Fact]
    public async Task VerifyAsync_DashboardEditedInUi_FailsAsNotMatchingFile()
    {
        await using var fake = await FakeGrafana.StartWithTokenAsync(Token);
        using var files = new GrafanaFiles();
        var path = await ImportAsync(fake, files);
        fake.SetSeries("edgerisk_drawdown_ratio", 0.01m);
        fake.EditInUi("edge-risk", "Edited");

        var result = await Verifier(fake).VerifyAsync(path);

        Assert.False(result.MatchesFile);
        Assert.Equal(VerificationStatus.Fail, result.Status);
    }

    [Fact]
    public async Task VerifyAsync_UnknownDatasource_Fails()
    {
        await using var fake = await FakeGrafana.StartWithTokenAsync(Token);
        using var files = new GrafanaFiles();
        var path = await ImportAsync(fake, files);
        fake.SetSeries("edgerisk_drawdown_ratio", 0.01m);

        var result = await Verifier(fake, new DashboardVerifierOptions { DatasourceUid = "missing" }).VerifyAsync(path);

        Assert.Equal(VerificationStatus.Fail, result.Status);
        Assert.Equal("query failed with 404", Assert.Single(result.Queries).Reason);
    }
}
