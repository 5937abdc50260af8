namespace EdgeRisk.Staging.Tests.Grafana;

/// <summary>The committed dashboards against the JSON Schema generated from the official @grafana/schema types.</summary>
public sealed class DashboardSchemaValidatorTests
{
    private static readonly Lazy<DashboardSchemaValidator> Validator =
        new(() => DashboardSchemaValidator.FromFile(RepositoryRoot.Combine(DashboardSchemaValidator.DefaultSchemaPath)));

    [Theory]
    [InlineData("grafana/edge_risk.json")]
    [InlineData("grafana/release_gates.json")]
    public void ValidateFile_CommittedDashboard_IsValid(string dashboard)
    {
        var result = Validator.Value.ValidateFile(RepositoryRoot.Combine(dashboard));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void Validate_UnknownPanelKey_NamesTheKeyLocation()
    {
        var dashboard = EdgeRisk();
        dashboard["panels"]![0]!["titel"] = "typo";

        var result = Validator.Value.Validate(dashboard.ToJsonString(), "typo.json");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Location == "/panels/0/titel" && e.Message.Contains("unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SchemaVersionAsString_ReportsTypeError()
    {
        var dashboard = EdgeRisk();
        dashboard["schemaVersion"] = "39";

        var result = Validator.Value.Validate(dashboard.ToJsonString(), "version.json");

        Assert.Contains(result.Errors, e => e.Location == "/schemaVersion" && e.Message.Contains("[type]", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingSchemaVersionAndBadVariableType_ReportsBoth()
    {
        var dashboard = EdgeRisk();
        dashboard.Remove("schemaVersion");
        dashboard["templating"]!["list"]![0]!["type"] = "datasrc";

        var result = Validator.Value.Validate(dashboard.ToJsonString(), "two.json");

        Assert.Contains(result.Errors, e => e.Message.Contains("schemaVersion", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Location == "/templating/list/0/type");
    }

    [Fact]
    public void Validate_GridPosAsString_ReportsPanelError()
    {
        var dashboard = EdgeRisk();
        dashboard["panels"]![1]!["gridPos"] = "full width";

        var result = Validator.Value.Validate(dashboard.ToJsonString(), "grid.json");

        Assert.Contains(result.Errors, e => e.Location == "/panels/1/gridPos");
    }

    [Fact]
    public void Validate_ExportedForSharingExternally_RejectsInputsAndRequires()
    {
        var dashboard = EdgeRisk();
        dashboard["__inputs"] = new JsonArray();
        dashboard["__requires"] = new JsonArray();

        var result = Validator.Value.Validate(dashboard.ToJsonString(), "export.json");

        Assert.Contains(result.Errors, e => e.Location == "/__inputs");
        Assert.Contains(result.Errors, e => e.Location == "/__requires");
    }

    [Fact]
    public void Validate_NotJson_ReportsParseErrorInsteadOfThrowing()
    {
        var result = Validator.Value.Validate("{ \"panels\": [", "broken.json");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_MissingSchema_ThrowsNamingTheFix()
    {
        var e = Assert.Throws<DashboardValidationException>(() => DashboardSchemaValidator.FromFile("/nonexistent/dashboard.schema.json"));

        Assert.Contains("generate.sh", e.Message, StringComparison.Ordinal);
    }

    private static JsonObject EdgeRisk() =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("grafana", "edge_risk.json")))!.AsObject();
}
