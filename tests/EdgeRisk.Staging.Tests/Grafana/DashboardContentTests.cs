namespace EdgeRisk.Staging.Tests.Grafana;

/// <summary>What the dashboards must show, per the shared metric contract.</summary>
public sealed class DashboardContentTests
{
    [Fact]
    public void EdgeRisk_Identity_IsSchema39WithDatasourceVariable()
    {
        var dashboard = Load("edge_risk.json");

        Assert.Equal("edgerisk-edge-risk", (string?)dashboard["uid"]);
        Assert.Equal(39, (int?)dashboard["schemaVersion"]);
        var variable = dashboard["templating"]!["list"]!.AsArray()[0];
        Assert.Equal("datasource", (string?)variable!["type"]);
        Assert.Equal("prometheus", (string?)variable["query"]);
        Assert.All(dashboard["panels"]!.AsArray(), p => Assert.Equal("${datasource}", (string?)p!["datasource"]!["uid"]));
    }

    [Fact]
    public void EdgeRisk_Queries_CoverEveryContractPanel()
    {
        var exprs = DashboardPanels.ReadQueries(RepositoryRoot.Combine("grafana", "edge_risk.json")).Select(q => q.Expr).ToList();

        Assert.Contains(exprs, e => e.StartsWith("edge_blended_bps{", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.Contains("edge_blended_mean_bps{", StringComparison.Ordinal) && e.Contains(" + 2 * edge_blended_sigma_bps{", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.Contains("edge_blended_mean_bps{", StringComparison.Ordinal) && e.Contains(" - 2 * edge_blended_sigma_bps{", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.StartsWith("var_pct{", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.Contains("model_switch_total", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.Contains("pnl_usd", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.Contains("process_resident_memory_bytes", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.Contains("feed_lag_seconds", StringComparison.Ordinal));
    }

    [Fact]
    public void EdgeRisk_VarPanel_HasThresholdsAt90And95()
    {
        var panel = Load("edge_risk.json")["panels"]!.AsArray()
            .Single(p => ((string?)p!["targets"]![0]!["expr"])?.StartsWith("var_pct", StringComparison.Ordinal) == true)!;

        var steps = panel["fieldConfig"]!["defaults"]!["thresholds"]!["steps"]!.AsArray().Select(s => (double?)s!["value"]).ToList();

        Assert.Equal([null, 90, 95], steps);
    }

    [Fact]
    public void ReleaseGates_EveryGateRow_HasStatusMarginCoverageAndTimeLeft()
    {
        var panels = Load("release_gates.json")["panels"]!.AsArray().Select(p => p!).ToList();
        var queries = DashboardPanels.ReadQueries(RepositoryRoot.Combine("grafana", "release_gates.json"));

        var rows = panels.Where(p => (string?)p["type"] == "row").ToList();
        Assert.Equal(["continuity", "alerts", "pnl_drift", "var", "rss_drift"], rows.Select(r => ((string)r["title"]!).Split('(', ')')[^2]));
        Assert.Contains(queries, q => q.Expr == "edgerisk_release_verdict");
        foreach (var row in rows)
        {
            var gate = ((string)row["title"]!).Split('(', ')')[^2];
            Assert.Contains(queries, q => q.Expr == $"edgerisk_gate_status{{gate=\"{gate}\"}}");
            Assert.Contains(queries, q => q.Expr == $"edgerisk_gate_margin{{gate=\"{gate}\"}}");
            Assert.Contains(queries, q => q.Expr == $"edgerisk_gate_threshold{{gate=\"{gate}\"}}");
        }

        Assert.Contains(queries, q => q.Expr == "edgerisk_gate_window_coverage_ratio");
        Assert.Contains(queries, q => q.Expr == "edgerisk_gate_window_remaining_seconds");
        Assert.Equal(panels.Count, panels.Select(p => (int)p["id"]!).Distinct().Count());
    }

    [Fact]
    public void ReleaseGates_StatusPanels_MapZeroPassOneFailTwoInconclusive()
    {
        var status = Load("release_gates.json")["panels"]!.AsArray().Select(p => p!)
            .Where(p => ((string?)p["targets"]?[0]?["expr"])?.StartsWith("edgerisk_gate_status", StringComparison.Ordinal) == true
                || (string?)p["targets"]?[0]?["expr"] == "edgerisk_release_verdict")
            .ToList();

        Assert.Equal(6, status.Count);
        Assert.All(status, p =>
        {
            var options = p["fieldConfig"]!["defaults"]!["mappings"]![0]!["options"]!;
            Assert.Equal(("PASS so far", "FAIL", "INCONCLUSIVE"), ((string?)options["0"]!["text"], (string?)options["1"]!["text"], (string?)options["2"]!["text"]));
        });
    }

    [Fact]
    public void EdgeRisk_EdgePanel_HasBpsUnitNotNone()
    {
        var panel = Panels("edge_risk.json").Single(p => ((string?)p["targets"]![0]!["expr"])!.StartsWith("edge_blended_bps", StringComparison.Ordinal));

        var unit = (string?)panel["fieldConfig"]!["defaults"]!["unit"];

        Assert.NotNull(unit);
        Assert.NotEqual("none", unit);
        Assert.Contains("bps", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseGates_MarginAndValuePanels_HaveTheGateUnit()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["continuity"] = "s", ["alerts"] = "short", ["pnl_drift"] = "suffix:σ", ["var"] = "percent", ["rss_drift"] = "percentunit",
        };
        var gatePanels = Panels("release_gates.json")
            .Where(p => (string?)p["type"] == "timeseries")
            .Select(p => (Expr: (string)p["targets"]![0]!["expr"]!, Unit: (string?)p["fieldConfig"]!["defaults"]!["unit"]))
            .ToList();

        Assert.Equal(10, gatePanels.Count);
        Assert.All(gatePanels, p => Assert.Equal(expected[p.Expr.Split('"')[1]], p.Unit));
    }

    [Theory]
    [InlineData("edge_risk.json")]
    [InlineData("release_gates.json")]
    public void Dashboard_StatTitlesOutsideGateRows_AreNotDuplicated(string dashboard)
    {
        // Per-gate rows repeat "Status" by design (one per gate); anything else shown twice is noise.
        var titles = Panels(dashboard).Where(p => (string?)p["type"] == "stat" && (string?)p["title"] != "Status")
            .Select(p => (string)p["title"]!).ToList();

        Assert.Equal(titles.Distinct(StringComparer.Ordinal).Count(), titles.Count);
    }

    [Fact]
    public void EdgeRisk_JobAndSymbolVariables_AreDefinedAndUsedByEveryQuery()
    {
        var variables = Load("edge_risk.json")["templating"]!["list"]!.AsArray().Select(v => v!).ToList();
        var queries = DashboardPanels.ReadQueries(RepositoryRoot.Combine("grafana", "edge_risk.json"));

        foreach (var name in new[] { "job", "symbol" })
        {
            var variable = Assert.Single(variables, v => (string?)v["name"] == name);
            Assert.Equal("query", (string?)variable["type"]);
            Assert.True((bool?)variable["includeAll"]);
            Assert.False(string.IsNullOrEmpty((string?)variable["allValue"]));
        }

        Assert.All(queries, q => Assert.Contains("job=~\"$job\"", q.Expr, StringComparison.Ordinal));
        Assert.All(queries.Where(q => !q.Expr.Contains("var_pct", StringComparison.Ordinal) && !q.Expr.Contains("process_resident_memory_bytes", StringComparison.Ordinal)),
            q => Assert.Contains("symbol=~\"$symbol\"", q.Expr, StringComparison.Ordinal));
    }

    private static List<JsonNode> Panels(string name) =>
        Load(name)["panels"]!.AsArray().Select(p => p!).Where(p => p["targets"] is JsonArray { Count: > 0 }).ToList();

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("grafana", name)))!.AsObject();
}
