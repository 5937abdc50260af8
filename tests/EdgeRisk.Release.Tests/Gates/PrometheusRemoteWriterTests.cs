namespace EdgeRisk.Release.Tests.Gates;

/// <summary>Remote write into a real Prometheus: recorded samples land with their own (virtual, years-old) timestamps.</summary>
public sealed class PrometheusRemoteWriterTests : IDisposable
{
    private const double Start = 1504396800; // 2017-09-03T00:00:00Z
    private readonly TempDirectory _dir = new("remote-write");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WriteAsync_RecordedSeries_QueryableAtTheirOwnTimesWithTheirLabels()
    {
        var prometheus = await StartAsync(receiver: true);
        try
        {
            using var http = new HttpClient { BaseAddress = prometheus.Url };
            var writer = new PrometheusRemoteWriter(http, prometheus.Url);
            var series = new[]
            {
                Series("var_pct", "edgerisk-crypto", [40.5, 92, double.NaN]),
                Series("var_pct", "edgerisk-stocks", [1e-9, -3.25, 7]),
            };

            await writer.WriteAsync(series, CancellationToken.None);

            var query = $"api/v1/query_range?query=var_pct&start={Start}&end={Start + 30}&step=15";
            using var reply = JsonDocument.Parse(await http.GetStringAsync(new Uri(query, UriKind.Relative)));
            var result = reply.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
                .ToDictionary(r => r.GetProperty("metric").GetProperty("job").GetString()!,
                    r => r.GetProperty("values").EnumerateArray().Select(v => (v[0].GetDouble(), v[1].GetString())).ToList());
            Assert.Equal([(Start, "40.5"), (Start + 15, "92"), (Start + 30, "NaN")], result["edgerisk-crypto"]);
            Assert.Equal([(Start, "1e-09"), (Start + 15, "-3.25"), (Start + 30, "7")], result["edgerisk-stocks"]);
            Assert.Equal(6, writer.SamplesWritten);
        }
        finally
        {
            await prometheus.StopAsync(TimeProvider.System, CancellationToken.None);
        }
    }

    [Fact]
    public async Task WriteAsync_ReceiverNotEnabled_ThrowsNamingThePrometheusAndTheFlag()
    {
        var prometheus = await StartAsync(receiver: false);
        try
        {
            using var http = new HttpClient();
            var writer = new PrometheusRemoteWriter(http, prometheus.Url);

            var error = await Assert.ThrowsAsync<EvidenceUnavailableException>(() =>
                writer.WriteAsync([Series("var_pct", "edgerisk-crypto", [1])], CancellationToken.None));

            Assert.Contains(prometheus.Url.ToString(), error.Message, StringComparison.Ordinal);
            Assert.Contains("--web.enable-remote-write-receiver", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, writer.SamplesWritten);
        }
        finally
        {
            await prometheus.StopAsync(TimeProvider.System, CancellationToken.None);
        }
    }

    [Fact]
    public void Encode_LabelsOutOfOrder_WritesThemSortedByName()
    {
        var series = new TimeSeries(new Dictionary<string, string> { ["job"] = "j", ["__name__"] = "m", ["a"] = "x" }, [Start], [1]);

        var bytes = PrometheusRemoteWriter.Encode([series]);

        var text = System.Text.Encoding.ASCII.GetString(bytes);
        Assert.True(text.IndexOf("__name__", StringComparison.Ordinal) < text.IndexOf("\u0001a", StringComparison.Ordinal)
            && text.IndexOf("\u0001a", StringComparison.Ordinal) < text.IndexOf("job", StringComparison.Ordinal), "labels sorted by name");
    }

    private Task<EvidencePrometheus> StartAsync(bool receiver) =>
        EvidencePrometheus.StartAsync(new EvidencePrometheusOptions
        {
            DataDirectory = _dir.Combine(receiver ? "with" : "without", "data"),
            WorkDirectory = _dir.Combine(receiver ? "with" : "without"),
            RemoteWriteReceiver = receiver,
            OutOfOrderWindow = receiver ? TimeSpan.FromDays(1) : null,
        }, TimeProvider.System, CancellationToken.None);

    private static TimeSeries Series(string name, string job, double[] values) =>
        new(new Dictionary<string, string> { ["__name__"] = name, ["job"] = job },
            [.. Enumerable.Range(0, values.Length).Select(i => Start + (15 * i))], values);
}
