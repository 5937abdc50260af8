using System.Net;

namespace EdgeRisk.Release.Tests.Gates;

public sealed class PrometheusQueryClientTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public async Task QueryAsync_BaseUrlWithProxyPath_AsksInstantQueryUnderThatPath()
    {
        var handler = new ScriptedHandler(_ => Reply("""
            {"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"edgerisk-crypto"},"value":[1700000000,"42.5"]}]}}
            """));
        var client = Client(handler, "http://grafana.test/api/datasources/proxy/uid/prometheus/");

        var samples = await client.QueryAsync("var_pct", At);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/api/datasources/proxy/uid/prometheus/api/v1/query", request.AbsolutePath);
        Assert.Contains("query=var_pct", request.Query, StringComparison.Ordinal);
        Assert.Contains("time=1700000000", request.Query, StringComparison.Ordinal);
        var sample = Assert.Single(samples);
        Assert.Equal("edgerisk-crypto", sample.Labels["job"]);
        Assert.Equal(42.5, sample.Value);
        Assert.Equal(At, sample.Timestamp);
    }

    [Fact]
    public async Task QueryAsync_ConnectionRefused_ThrowsUnreachable()
    {
        var client = Client(new ScriptedHandler(_ => throw new HttpRequestException("Connection refused (127.0.0.1:9)")));

        var e = await Assert.ThrowsAsync<PrometheusQueryException>(() => client.QueryAsync("up", At));

        Assert.Contains("is unreachable (Connection refused (127.0.0.1:9))", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_NoAnswerInTime_ThrowsDidNotAnswerInTime()
    {
        var client = Client(new ScriptedHandler(_ => throw new TaskCanceledException("timed out")));

        var e = await Assert.ThrowsAsync<PrometheusQueryException>(() => client.QueryAsync("up", At));

        Assert.Contains("did not answer 'up' in time", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ProxyRefusesWithoutPrometheusBody_ThrowsStatusAndMessage()
    {
        var client = Client(new ScriptedHandler(_ => Reply("""{"message":"Unauthorized"}""", HttpStatusCode.Unauthorized)));

        var e = await Assert.ThrowsAsync<PrometheusQueryException>(() => client.QueryAsync("up", At));

        Assert.EndsWith("answered 401 to 'up': Unauthorized", e.Message, StringComparison.Ordinal);
    }

    private static PrometheusQueryClient Client(ScriptedHandler handler, string baseUrl = "http://prometheus.test/") =>
        new(PrometheusClientFactory.Create(new Uri(baseUrl), handler, TimeSpan.FromMinutes(1)));

    private static HttpResponseMessage Reply(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            return Task.FromResult(answer(request));
        }
    }
}
