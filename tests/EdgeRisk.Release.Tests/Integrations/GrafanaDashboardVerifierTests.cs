namespace EdgeRisk.Release.Tests.Integrations;

public sealed class GrafanaDashboardVerifierTests() : FakeGrafanaTests("glsa_verifierToken_0123456789")
{
    private GrafanaDashboardVerifier Verifier(DashboardVerifierOptions? options = null) =>
        new(Client(), options ?? new DashboardVerifierOptions());

    /// <summary>The shipped-shape dashboard file, imported into the fake Grafana; its path.</summary>
    private async Task<string> ImportAsync()
    {
        var path = Files.Write("dash.json", GrafanaFiles.Dashboard());
        await Importer().ImportAsync(path);
        return path;
    }

    [Fact]
    public async Task VerifyAsync_ImportedDashboardWithData_Passes()
    {
        var path = await ImportAsync();
        Fake.SetSeries("edgerisk_drawdown_ratio", 0.01m, 0.02m, 0.015m);

        var result = await Verifier().VerifyAsync(path);

        Assert.Equal(VerificationStatus.Pass, result.Status);
        Assert.Equal(3, Assert.Single(result.Queries).Points);
        var query = JsonNode.Parse(Fake.Requests.Last(r => r.Path == "/api/ds/query").Body)!;
        Assert.Equal("now-15m", query["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task VerifyAsync_QueryWithoutData_IsInconclusive()
    {
        var path = await ImportAsync();

        var result = await Verifier().VerifyAsync(path);

        Assert.Equal(VerificationStatus.Inconclusive, result.Status);
        Assert.Equal("no data in range", Assert.Single(result.Queries).Reason);
    }

    [Fact]
    public async Task VerifyAsync_DashboardNotImported_Fails()
    {
        var result = await Verifier().VerifyAsync(Files.Write("dash.json", GrafanaFiles.Dashboard()));

        Assert.False(result.Present);
        Assert.Equal(VerificationStatus.Fail, result.Status);
    }

    [Fact]
    public async Task VerifyAsync_DashboardEditedInUi_FailsAsNotMatchingFile()
    {
        var path = await ImportAsync();
        Fake.SetSeries("edgerisk_drawdown_ratio", 0.01m);
        Fake.EditInUi("edge-risk", "Edited");

        var result = await Verifier().VerifyAsync(path);

        Assert.False(result.MatchesFile);
        Assert.Equal(VerificationStatus.Fail, result.Status);
    }

    [Fact]
    public async Task VerifyAsync_UnknownDatasource_Fails()
    {
        var path = await ImportAsync();
        Fake.SetSeries("edgerisk_drawdown_ratio", 0.01m);

        var result = await Verifier(new DashboardVerifierOptions { DatasourceUid = "missing" }).VerifyAsync(path);

        Assert.Equal(VerificationStatus.Fail, result.Status);
        Assert.Equal("query failed with 404", Assert.Single(result.Queries).Reason);
    }
}
