using EdgeRisk.Nuke;

namespace EdgeRisk.Build;

// Secret parameters (masked in every log line): the staging integrations' tokens and production's exchange keys.
partial class Build
{
    [Parameter("GitHub token (staging: release PR, workflow check, GitHub release)"), Secret]
    public string? GitHubToken { get; set; }

    [Parameter("Grafana service-account token (staging)"), Secret]
    public string? GrafanaToken { get; set; }

    [Parameter("PagerDuty Events v2 routing key: the staging dry run's health watchdog pages with it (staging)"), Secret]
    public string? PagerdutyRoutingKey { get; set; }

    [Parameter("Jira API token of --jira-email (staging status updates)"), Secret]
    public string? JiraApiToken { get; set; }

    [Parameter("Exchange API key for production, passed to compose as EDGERISK_EXCHANGE_API_KEY (staging)"), Secret]
    public string? ExchangeApiKey { get; set; }

    [Parameter("Exchange API secret for production, passed to compose as EDGERISK_EXCHANGE_API_SECRET (staging)"), Secret]
    public string? ExchangeApiSecret { get; set; }
}
