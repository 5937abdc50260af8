namespace EdgeRisk.Staging.Tests.Grafana;

public sealed class QueryTemplateTests
{
    [Fact]
    public void Substitute_SlowScrape_RateIntervalIsFourScrapes()
    {
        var options = new QueryTemplateOptions { ScrapeInterval = TimeSpan.FromSeconds(15), Interval = TimeSpan.FromSeconds(30), Range = TimeSpan.FromHours(48) };

        var result = QueryTemplate.Substitute("rate(x[$__rate_interval]) + y[${__interval}] * $__range_s + $__interval_ms + z[$__range]", options);

        Assert.Equal("rate(x[60s]) + y[30s] * 172800 + 30000 + z[172800s]", result);
    }

    [Fact]
    public void Substitute_IntervalAboveFourScrapes_RateIntervalIsIntervalPlusScrape()
    {
        var options = new QueryTemplateOptions { ScrapeInterval = TimeSpan.FromSeconds(1), Interval = TimeSpan.FromMilliseconds(15500) };

        Assert.Equal("rate(x[16500ms])", QueryTemplate.Substitute("rate(x[$__rate_interval])", options));
    }

    [Fact]
    public void Substitute_RegexCaptureReference_IsLeftAlone()
    {
        const string expr = "label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")";

        Assert.Equal(expr, QueryTemplate.Substitute(expr, new QueryTemplateOptions()));
    }

    [Theory]
    [InlineData("x{symbol=~\"$symbol\"}")]
    [InlineData("x{symbol=~\"${symbol:regex}\"}")]
    [InlineData("x{job=\"[[job]]\"}")]
    public void Substitute_DashboardVariable_ThrowsNamingIt(string expr)
    {
        var e = Assert.Throws<DashboardValidationException>(() => QueryTemplate.Substitute(expr, new QueryTemplateOptions()));

        Assert.Contains("cannot be resolved outside Grafana", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitute_DashboardVariableWithAllValue_UsesTheAllValue()
    {
        var allValues = new Dictionary<string, string>(StringComparer.Ordinal) { ["job"] = "edgerisk-.*", ["symbol"] = ".*" };

        var result = QueryTemplate.Substitute("x{job=~\"$job\", symbol=~\"${symbol}\"}[$__interval]", new QueryTemplateOptions(), allValues);

        Assert.Equal("x{job=~\"edgerisk-.*\", symbol=~\".*\"}[15s]", result);
    }

    [Fact]
    public void ParseQueries_IncludeAllVariables_CarriesTheirAllValues()
    {
        const string json = """
            {"templating": {"list": [{"name": "job", "type": "query", "includeAll": true, "allValue": "edgerisk-.*"},
                                     {"name": "mode", "type": "custom", "includeAll": false, "allValue": "x"}]},
             "panels": [{"id": 1, "title": "t", "targets": [{"refId": "A", "expr": "up{job=~\"$job\"}"}]}]}
            """;

        var query = Assert.Single(DashboardPanels.ParseQueries(json, "d.json"));

        Assert.Equal("edgerisk-.*", Assert.Single(query.AllValues).Value);
        Assert.Equal("up{job=~\"edgerisk-.*\"}", QueryTemplate.Substitute(query.Expr, new QueryTemplateOptions(), query.AllValues));
    }
}
