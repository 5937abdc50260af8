using EdgeRisk.Evidence.Prometheus;

namespace EdgeRisk.Staging.Tests.Grafana;

public sealed class PromQlSelectorsTests
{
    [Theory]
    [InlineData("var_pct", new[] { "var_pct" })]
    [InlineData("edge_blended_mean_bps + 2 * edge_blended_sigma_bps", new[] { "edge_blended_mean_bps", "edge_blended_sigma_bps" })]
    [InlineData("sum by (symbol, from, to) (rate(model_switch_total[1m])) * 300", new[] { "model_switch_total" })]
    [InlineData("process_resident_memory_bytes{job=~\"edgerisk-.*\"}", new[] { "process_resident_memory_bytes{job=~\"edgerisk-.*\"}" })]
    [InlineData("max_over_time(feed_lag_seconds[5m:1s]) offset 1m", new[] { "feed_lag_seconds" })]
    [InlineData("a / on (job) group_left (symbol) b", new[] { "a", "b" })]
    [InlineData("x{l=\"}\"} > bool 1 and {__name__=\"y\"}", new[] { "x{l=\"}\"}", "{__name__=\"y\"}" })]
    [InlineData("sum(x) without (instance) or vector(0)", new[] { "x" })]
    [InlineData("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\")", new[] { "up" })]
    [InlineData("(1 - edgerisk_gate_window_coverage_ratio) * 172800", new[] { "edgerisk_gate_window_coverage_ratio" })]
    [InlineData("rate(ns:metric:rate5m[1e3s])", new[] { "ns:metric:rate5m" })]
    public void Extract_Expression_ReturnsItsSeriesSelectors(string expr, string[] expected)
    {
        Assert.Equal(expected, PromQlSelectors.Extract(expr));
    }
}
