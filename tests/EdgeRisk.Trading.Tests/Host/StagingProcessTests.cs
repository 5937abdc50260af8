namespace EdgeRisk.Trading.Tests.Host;

/// <summary>The staging profile of the real process against a loopback server replaying recorded exchange frames.</summary>
public sealed class StagingProcessTests
{
    [Theory]
    [InlineData("coinbase", "coinbase_session.jsonl")]
    [InlineData("binance", "binance_session.jsonl")]
    public async Task Live_StagingAgainstRecordedFrames_TradesLiveEventsAndCountsRejects(string exchange, string fixture)
    {
        await using var server = await RecordedFrameServer.StartAsync(fixture);
        await using var redis = await RedisServer.StartAsync();
        var port = FreePort.Next();
        await using var process = ManagedProcess.Start("dotnet",
            [
                Path.Combine(AppContext.BaseDirectory, "edgerisk-trading.dll"), "live", "--profile", "staging", "--symbols", "BTC-USD,ETH-USD",
                "--metrics-port", port.ToString(), "--redis", redis.Endpoint,
            ],
            workingDirectory: TradingProcess.RepoRoot,
            environment: new Dictionary<string, string> { ["EDGERISK_EXCHANGE"] = exchange, ["EDGERISK_FEED_URL"] = server.BaseUri.ToString() });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };

        // The second connection (after the server's drop) carries the gap and, later, the unknown symbol.
        await process.WaitUntilAsync(
            async () => MetricsText.Value(await http.GetStringAsync("metrics"), "feed_rejected_total{reason=\"unknown_symbol\"}") >= 1,
            TimeSpan.FromSeconds(30), "the second connection's frames processed");
        var metrics = await http.GetStringAsync("metrics");

        Assert.Equal(2, server.Connections);
        Assert.True(MetricsText.Value(metrics, "feed_last_event_timestamp_seconds{symbol=\"BTC-USD\"}") > 1_600_000_000);
        MetricsText.AssertRejected(metrics, ("gap", 1), ("duplicate", 1));
        Assert.True((await http.GetAsync("readyz")).IsSuccessStatusCode);
        Assert.True((await http.GetAsync("healthz")).IsSuccessStatusCode);
    }
}
