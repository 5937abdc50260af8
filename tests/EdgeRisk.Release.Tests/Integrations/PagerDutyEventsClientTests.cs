using System.Net;
using ProductEvent = EdgeRisk.Release.PagerDuty.PagerDutyEvent;

namespace EdgeRisk.Release.Tests.Integrations;

public sealed class PagerDutyEventsClientTests
{
    private const string RoutingKey = "R0123456789abcdef0123456789abcde";

    private static PagerDutyEventsClient Client(FakePagerDuty fake, string routingKey = RoutingKey) =>
        new(new PagerDutyOptions(new Secret(routingKey)) { BaseUrl = fake.BaseUrl });

    private static ProductEvent Trigger(string summary = "Edge-Risk drawdown above 8 %") => new()
    {
        Action = PagerDutyEventAction.Trigger,
        DedupKey = "edgerisk-drawdown",
        Summary = summary,
        Source = "edgerisk-paper",
        Severity = PagerDutySeverity.Critical,
        Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Component = "risk-harmoniser",
        Group = "paper",
        Class = "drawdown",
        CustomDetails = new Dictionary<string, string> { ["drawdown"] = "0.091" },
    };

    [Fact]
    public async Task SendAsync_ValidTrigger_ReturnsDedupKeyAndFakeRecordsEvent()
    {
        await using var fake = await FakePagerDuty.StartAsync();

        var dedupKey = await Client(fake).SendAsync(Trigger());

        Assert.Equal("edgerisk-drawdown", dedupKey);
        var recorded = await fake.WaitForEventAsync(e => e.DedupKey == dedupKey, TimeSpan.FromSeconds(5));
        Assert.Equal("trigger", recorded.EventAction);
        Assert.Equal("critical", recorded.Severity);
        Assert.Equal("risk-harmoniser", recorded.Component);
        Assert.Equal("0.091", recorded.CustomDetails!["drawdown"]!.GetValue<string>());
        Assert.Equal("2026-01-02T03:04:05.000Z", recorded.Raw["payload"]!["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_ResolveAfterTrigger_IsAccepted()
    {
        await using var fake = await FakePagerDuty.StartAsync();
        var client = Client(fake);
        var key = await client.SendAsync(Trigger());

        await client.SendAsync(new ProductEvent { Action = PagerDutyEventAction.Resolve, DedupKey = key });

        Assert.Equal(["trigger", "resolve"], fake.Events.Select(e => e.EventAction));
        Assert.Null(fake.Events[1].Raw["payload"]);
    }

    [Fact]
    public async Task SendAsync_ResolveWithoutDedupKey_ThrowsInvalidEvent()
    {
        await using var fake = await FakePagerDuty.StartAsync();

        var error = await Assert.ThrowsAsync<PagerDutyException>(() =>
            Client(fake).SendAsync(new ProductEvent { Action = PagerDutyEventAction.Resolve }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("'dedup_key' is missing or blank", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Events);
    }

    [Fact]
    public async Task SendAsync_SummaryOver1024Characters_ThrowsInvalidEvent()
    {
        await using var fake = await FakePagerDuty.StartAsync();

        var error = await Assert.ThrowsAsync<PagerDutyException>(() => Client(fake).SendAsync(Trigger(new string('x', 1025))));

        Assert.Contains("'payload.summary' must be at most 1024 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RoutingKeyWrongLength_ThrowsWithoutRoutingKey()
    {
        await using var fake = await FakePagerDuty.StartAsync();
        const string shortKey = "shortRoutingKeyNeverInLogs";

        var error = await Assert.ThrowsAsync<PagerDutyException>(() => Client(fake, shortKey).SendAsync(Trigger()));

        Assert.Contains("Length of 'routing_key' is incorrect", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RateLimited_ThrowsRateLimited()
    {
        await using var fake = await FakePagerDuty.StartAsync();
        fake.RateLimitNext(1);

        var error = await Assert.ThrowsAsync<PagerDutyException>(() => Client(fake).SendAsync(Trigger()));

        Assert.True(error.IsRateLimited);
        Assert.Empty(fake.Events);
    }

    [Fact]
    public async Task WaitForEventAsync_NoMatchingEvent_TimesOut()
    {
        await using var fake = await FakePagerDuty.StartAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => fake.WaitForEventAsync(_ => true, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void FromEnvironment_NoRoutingKey_NamesVariable()
    {
        var error = Assert.Throws<IntegrationConfigurationException>(() => PagerDutyOptions.FromEnvironment(_ => null));

        Assert.Equal(["PAGERDUTY_ROUTING_KEY"], error.MissingVariables);
    }
}
