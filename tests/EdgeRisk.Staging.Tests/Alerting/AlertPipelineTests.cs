namespace EdgeRisk.Staging.Tests.Alerting;

/// <summary>End to end: Pushgateway → Prometheus rules → Alertmanager → PagerDuty Events v2 (loopback fake).</summary>
public sealed class AlertPipelineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task VarPct_AboveNinetyThenBelow_OneTriggerThenResolveWithSameDedupKey()
    {
        await using var stack = await AlertingStack.StartAsync();

        await stack.PushAsync("var_pct 92.5");
        var trigger = await stack.PagerDuty.WaitForEventAsync(e => e.EventAction == "trigger", Timeout);
        await stack.PushAsync("var_pct 50");
        var resolve = await stack.PagerDuty.WaitForEventAsync(e => e.EventAction == "resolve", Timeout);

        Assert.Equal(AlertingStack.RoutingKey, trigger.RoutingKey);
        Assert.Equal("warning", trigger.Severity);
        Assert.Equal("VarHigh: VaR at 92.50% of the limit on edgerisk-crypto (warning above 90%)", trigger.Summary);
        Assert.False(string.IsNullOrEmpty(trigger.DedupKey));
        Assert.Equal(trigger.DedupKey, resolve.DedupKey);
        Assert.Equal(AlertingStack.RoutingKey, resolve.RoutingKey);
        Assert.Single(stack.PagerDuty.Events, e => e.EventAction == "trigger");
        Assert.Equal("https://github.com/edgerisk/edgerisk/blob/main/docs/runbook.md#varhigh", trigger.CustomDetails?["runbook"]?.GetValue<string>());
    }

    [Fact]
    public async Task VarPct_AboveNinetyFive_PagesCriticalOnceAndInhibitsVarHigh()
    {
        await using var stack = await AlertingStack.StartAsync();

        await stack.PushAsync("var_pct 96");
        var trigger = await stack.PagerDuty.WaitForEventAsync(e => e.EventAction == "trigger", Timeout);
        // VarHigh fires too, and Alertmanager holds it back behind VarCritical.
        var varHigh = await stack.WaitForAlertmanagerAlertAsync(
            a => a["labels"]?["alertname"]?.GetValue<string>() == "VarHigh" && a["status"]?["state"]?.GetValue<string>() == "suppressed",
            Timeout);
        await stack.PushAsync("var_pct 40");
        var resolve = await stack.PagerDuty.WaitForEventAsync(e => e.EventAction == "resolve", Timeout);

        Assert.Equal("critical", trigger.Severity);
        Assert.Equal("VarCritical: VaR at 96.00% of the limit on edgerisk-crypto (critical above 95%)", trigger.Summary);
        Assert.NotEmpty(varHigh["status"]!["inhibitedBy"]!.AsArray());
        Assert.Equal(trigger.DedupKey, resolve.DedupKey);
        Assert.Single(stack.PagerDuty.Events, e => e.EventAction == "trigger");
        Assert.DoesNotContain(stack.PagerDuty.Events, e => e.Summary?.StartsWith("VarHigh", StringComparison.Ordinal) == true);
    }
}
