namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>The environment under which the paging scripts (healthcheck_loop.sh, pagerduty_logtail.sh) page the loopback PagerDuty.</summary>
internal static class PagingEnvironment
{
    /// <summary>Paging to the fake; an empty variable counts as unset for the scripts, and masks one inherited from the host.</summary>
    public static Dictionary<string, string> For(FakePagerDuty pagerDuty, string routingKey) => new()
    {
        ["PAGERDUTY_URL"] = pagerDuty.BaseUrl.ToString().TrimEnd('/'),
        ["PAGERDUTY_ROUTING_KEY"] = routingKey,
        ["PAGERDUTY_ROUTING_KEY_FILE"] = "",
    };
}
