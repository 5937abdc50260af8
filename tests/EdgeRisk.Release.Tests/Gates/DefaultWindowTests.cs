namespace EdgeRisk.Release.Tests.Gates;

public sealed class DefaultWindowTests
{
    [Fact]
    public async Task EvaluateAsync_NoWindowEnd_UsesNowFromTimeProviderAndUnreachableIsInconclusive()
    {
        var now = new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        var options = new GateEvaluationOptions
        {
            PrometheusUrl = new Uri($"http://127.0.0.1:{EdgeRisk.Processes.FreePort.Next()}/"),
            PnlSigmaUsd = 10m,
            Source = new() { MaxRetries = 0 },
        };

        var report = await new GateEvaluator(clock).EvaluateAsync(options, null, CancellationToken.None);

        Assert.Equal(now, report.Window.End);
        Assert.Equal(now.AddHours(-48), report.Window.Start);
        Assert.Equal(GateStatus.Inconclusive, report.Verdict);
    }
}
