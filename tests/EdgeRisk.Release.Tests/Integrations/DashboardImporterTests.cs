namespace EdgeRisk.Release.Tests.Integrations;

public sealed class DashboardImporterTests() : FakeGrafanaTests("glsa_dashboardImportToken_0123456789")
{
    [Fact]
    public async Task ImportAsync_EmptyGrafana_CreatesFolderDashboardAndRuleGroup()
    {
        var importer = Importer();

        var result = await importer.ImportAsync(Files.Write("dash.json", GrafanaFiles.Dashboard()), Files.Write("alerts.json", GrafanaFiles.RuleGroup()));

        Assert.All(result.Items, i => Assert.Equal(ImportStatus.Created, i.Status));
        Assert.Equal(1, result.Dashboard.Version);
        Assert.Equal("Edge-Risk", Fake.Dashboard("edge-risk")!["title"]!.GetValue<string>());
        Assert.Equal("", Fake.RuleGroup("edge-risk", "edge-risk")!["rules"]![0]!["provenance"]!.GetValue<string>());
        var save = Fake.Requests.Single(r => r.Path == "/api/dashboards/db");
        var body = JsonNode.Parse(save.Body)!;
        Assert.True(body["overwrite"]!.GetValue<bool>());
        Assert.Equal("edge-risk", body["folderUid"]!.GetValue<string>());
        Assert.Null(body["dashboard"]!["id"]);
    }

    [Fact]
    public async Task ImportAsync_SameFilesTwice_SecondRunIsUnchangedAndSendsNoWrites()
    {
        var importer = Importer();
        var dash = Files.Write("dash.json", GrafanaFiles.Dashboard());
        var alerts = Files.Write("alerts.json", GrafanaFiles.RuleGroup());
        await importer.ImportAsync(dash, alerts);
        var writesBefore = Fake.Requests.Count(r => r.Method != "GET");

        var second = await importer.ImportAsync(dash, alerts);

        Assert.All(second.Items, i => Assert.Equal(ImportStatus.Unchanged, i.Status));
        Assert.False(second.ChangedAnything);
        Assert.Equal(1, second.Dashboard.Version);
        Assert.Equal(writesBefore, Fake.Requests.Count(r => r.Method != "GET"));
    }

    [Fact]
    public async Task ImportAsync_ChangedDashboardAndRules_UpdatesBoth()
    {
        var importer = Importer();
        await importer.ImportAsync(Files.Write("dash.json", GrafanaFiles.Dashboard()), Files.Write("alerts.json", GrafanaFiles.RuleGroup()));

        var result = await importer.ImportAsync(
            Files.Write("dash2.json", GrafanaFiles.Dashboard("Edge-Risk v2")),
            Files.Write("alerts2.json", GrafanaFiles.RuleGroup("0.1")));

        Assert.Equal(ImportStatus.Updated, result.Dashboard.Status);
        Assert.Equal(2, result.Dashboard.Version);
        Assert.Equal(ImportStatus.Updated, result.AlertRuleGroup!.Status);
        Assert.Equal("0.1", Fake.RuleGroup("edge-risk", "edge-risk")!["rules"]![0]!["data"]![1]!["model"]!["threshold"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImportAsync_DashboardEditedConcurrentlyWithoutOverwrite_ThrowsVersionMismatch()
    {
        var api = Client();
        await new DashboardImporter(api, new DashboardImportOptions()).ImportAsync(Files.Write("dash.json", GrafanaFiles.Dashboard()));
        var racing = new RacingGrafanaApi(api, () => Fake.EditInUi("edge-risk", "Edited in the UI"));

        var error = await Assert.ThrowsAsync<GrafanaApiException>(() =>
            new DashboardImporter(racing, new DashboardImportOptions { Overwrite = false })
                .ImportAsync(Files.Write("dash2.json", GrafanaFiles.Dashboard("Edge-Risk v2"))));

        Assert.True(error.IsVersionMismatch);
        Assert.Contains("412 version-mismatch: The dashboard has been changed by someone else", error.Message, StringComparison.Ordinal);
        Assert.Equal("Edited in the UI", Fake.Dashboard("edge-risk")!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImportAsync_RuleGroupFileWithoutUid_FailsBeforeAnyCall()
    {
        var group = GrafanaFiles.RuleGroup();
        group["rules"]![0]!.AsObject().Remove("uid");

        var error = await Assert.ThrowsAsync<GrafanaImportFileException>(() =>
            Importer().ImportAsync(Files.Write("dash.json", GrafanaFiles.Dashboard()), Files.Write("alerts.json", group)));

        Assert.Contains("'uid' is missing", error.Message, StringComparison.Ordinal);
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task ImportAsync_DashboardFileNotJson_FailsBeforeAnyCall()
    {
        var error = await Assert.ThrowsAsync<GrafanaImportFileException>(() =>
            Importer().ImportAsync(Files.WriteText("dash.json", "{ \"uid\": ")));

        Assert.Contains("is not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task ImportAsync_ExportWrapperFile_ImportsInnerDashboard()
    {
        var wrapped = new JsonObject { ["dashboard"] = GrafanaFiles.Dashboard(), ["meta"] = new JsonObject { ["version"] = 9 } };

        var result = await Importer().ImportAsync(Files.Write("dash.json", wrapped));

        Assert.Equal(ImportStatus.Created, result.Dashboard.Status);
        Assert.NotNull(Fake.Dashboard("edge-risk"));
    }

    [Fact]
    public async Task ImportAsync_WrongToken_ThrowsUnauthorizedWithoutToken()
    {
        const string wrong = "glsa_wrongTokenThatMustNotLeak_987";

        var error = await Assert.ThrowsAsync<GrafanaApiException>(() =>
            Importer(wrong).ImportAsync(Files.Write("dash.json", GrafanaFiles.Dashboard())));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Unauthorized", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_BasicAuth_Imports()
    {
        await using var fake = await FakeGrafana.StartWithBasicAuthAsync("admin", "s3cret-pass");
        var api = GrafanaClientFactory.Create(new GrafanaOptions(fake.BaseUrl, null, "admin", new Secret("s3cret-pass")));

        var result = await new DashboardImporter(api, new DashboardImportOptions()).ImportAsync(Files.Write("dash.json", GrafanaFiles.Dashboard()));

        Assert.Equal(ImportStatus.Created, result.Dashboard.Status);
    }

    [Fact]
    public async Task GetHealthAsync_NoCredentialsNeeded_ReportsDatabaseOk()
    {
        var health = await Client("any").GetHealthAsync();

        Assert.Equal("ok", health.Content!["database"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueryAsync_KnownExpression_ReturnsFrames()
    {
        Fake.SetSeries("edgerisk_drawdown_ratio", 0.01m, 0.02m);
        var query = new JsonObject
        {
            ["from"] = "now-5m",
            ["to"] = "now",
            ["queries"] = new JsonArray(new JsonObject { ["refId"] = "A", ["datasource"] = new JsonObject { ["uid"] = "prometheus" }, ["expr"] = "edgerisk_drawdown_ratio" }),
        };

        var response = await Client().QueryAsync(query);

        Assert.Equal(2, response.Content!["results"]!["A"]!["frames"]![0]!["data"]!["values"]![1]!.AsArray().Count);
    }
}
