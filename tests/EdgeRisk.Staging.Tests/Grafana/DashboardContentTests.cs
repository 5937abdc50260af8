using System.Text.Json.Nodes;
using EdgeRisk.Release.Dashboards;
using EdgeRisk.Staging.Tests.Scripts;

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
        var variable = Assert.Single(dashboard["templating"]!["list"]!.AsArray());
        Assert.Equal("datasource", (string?)variable!["type"]);
        Assert.Equal("prometheus", (string?)variable["query"]);
        Assert.All(dashboard["panels"]!.AsArray(), p => Assert.Equal("${datasource}", (string?)p!["datasource"]!["uid"]));
    }

    [Fact]
    public void EdgeRisk_Queries_CoverEveryContractPanel()
    {
        var exprs = DashboardPanels.ReadQueries(RepositoryRoot.Combine("grafana", "edge_risk.json")).Select(q => q.Expr).ToList();

        Assert.Contains("edge_blended_bps", exprs);
        Assert.Contains("edge_blended_mean_bps + 2 * edge_blended_sigma_bps", exprs);
        Assert.Contains("edge_blended_mean_bps - 2 * edge_blended_sigma_bps", exprs);
        Assert.Contains("var_pct", exprs);
        Assert.Contains(exprs, e => e.Contains("model_switch_total", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.Contains("pnl_usd", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.Contains("process_resident_memory_bytes", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.Contains("feed_lag_seconds", StringComparison.Ordinal));
    }

    [Fact]
    public void EdgeRisk_VarPanel_HasThresholdsAt90And95()
    {
        var panel = Load("edge_risk.json")["panels"]!.AsArray()
            .Single(p => ((string?)p!["targets"]![0]!["expr"]) == "var_pct")!;

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

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("grafana", name)))!.AsObject();
}
