namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>scripts/healthcheck_loop.sh against real Prometheus and Redis processes and the loopback PagerDuty.</summary>
public sealed class HealthcheckLoopTests
{
    private const string RoutingKey = "HealthcheckRoutingKey00000000001";
    private static readonly string Script = RepositoryRoot.Combine("scripts", "healthcheck_loop.sh");

    [Fact]
    public async Task Loop_PrometheusKilled_ExitsNonZeroAndPagesOnce()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        await using var prometheus = await PrometheusServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var prometheusHealth = new Uri(prometheus.BaseUrl, "-/healthy");
        await using var loop = ManagedProcess.Start("bash",
        [
            Script, "--interval", "0.2", "--retries", "2", "--retry-delay", "0.1", "--max-iterations", "600",
            "--http", $"prometheus={prometheusHealth}", "--redis", $"redis={redis.Endpoint}",
        ], environment: PagingEnvironment.For(pagerDuty, RoutingKey));
        await loop.WaitUntilAsync(() => Task.FromResult(loop.Output.Contains("all 2 checks OK", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20), "first healthy iteration");

        await prometheus.StopAsync();
        await WaitForExitAsync(loop);

        Assert.Equal(1, loop.ExitCode);
        Assert.Contains($"healthcheck: FAIL prometheus ({prometheusHealth}) failed 3 attempt(s)", loop.Output);
        Assert.DoesNotContain("FAIL redis", loop.Output);
        Assert.DoesNotContain(RoutingKey, loop.Output);
        var trigger = Assert.Single(pagerDuty.Events);
        Assert.Equal("trigger", trigger.EventAction);
        Assert.Equal(RoutingKey, trigger.RoutingKey);
        Assert.Equal("edgerisk-healthcheck-prometheus", trigger.DedupKey);
        Assert.Equal("critical", trigger.Severity);
        Assert.Equal("prometheus", trigger.Component);
        Assert.StartsWith("EdgeRisk healthcheck: prometheus (", trigger.Summary);
    }

    [Fact]
    public async Task Once_RedisAnswersPong_ExitsZeroWithoutPaging()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        await using var redis = await RedisServer.StartAsync();

        var result = await CommandRunner.RunAsync("bash", [Script, "--once", "--redis", $"redis={redis.Endpoint}"], PagingEnvironment.For(pagerDuty, RoutingKey));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("healthcheck: iteration 1: all 1 checks OK", Assert.Single(result.OutputLines));
        Assert.Empty(pagerDuty.Events);
    }

    [Fact]
    public async Task Once_RoutingKeyFromFile_PagesWithThatKey()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        using var dir = new TempDirectory("healthcheck");
        await File.WriteAllTextAsync(dir.Combine("routing_key"), RoutingKey + "\n");
        var environment = PagingEnvironment.For(pagerDuty, RoutingKey);
        environment["PAGERDUTY_ROUTING_KEY"] = "";
        environment["PAGERDUTY_ROUTING_KEY_FILE"] = dir.Combine("routing_key");
        var deadRedis = $"127.0.0.1:{FreePort.Next()}";

        var result = await CommandRunner.RunAsync("bash", [Script, "--once", "--retries", "0", "--redis", $"cache={deadRedis}"], environment);

        Assert.Equal(1, result.ExitCode);
        var trigger = Assert.Single(pagerDuty.Events);
        Assert.Equal(RoutingKey, trigger.RoutingKey);
        Assert.Equal("edgerisk-healthcheck-cache", trigger.DedupKey);
        Assert.DoesNotContain(RoutingKey, result.StandardOutput + result.StandardError);
    }

    [Fact]
    public async Task Once_FailureWithoutRoutingKey_SaysPagingIsNotConfiguredAndExitsNonZero()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        var environment = PagingEnvironment.For(pagerDuty, RoutingKey);
        environment["PAGERDUTY_ROUTING_KEY"] = "";
        var deadUrl = $"http://127.0.0.1:{FreePort.Next()}/-/healthy";

        var result = await CommandRunner.RunAsync("bash", [Script, "--once", "--retries", "1", "--retry-delay", "0", "--http", $"alertmanager={deadUrl}"], environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"healthcheck: FAIL alertmanager ({deadUrl}) failed 2 attempt(s)", result.StandardOutput);
        Assert.Contains("healthcheck: paging is not configured (set PAGERDUTY_ROUTING_KEY or PAGERDUTY_ROUTING_KEY_FILE); alertmanager was not paged", result.StandardOutput);
        Assert.Empty(pagerDuty.Events);
    }

    [Fact]
    public async Task Arguments_IntervalNotANumber_ExitsTwoWithOneLineError()
    {
        var result = await CommandRunner.RunAsync("bash", [Script, "--interval", "soon"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.StartsWith("healthcheck: --interval must be seconds (e.g. 30 or 0.5), got 'soon'", Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static async Task WaitForExitAsync(ManagedProcess process)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!process.HasExited)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"healthcheck_loop.sh did not exit within 20 s:\n{process.Output}");
            await Task.Delay(50);
        }
    }
}
