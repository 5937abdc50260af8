using EdgeRisk.Release.Outbox;

namespace EdgeRisk.Release.PagerDuty;

/// <summary>Events API v2 endpoint and the integration's routing key (masked when printed).</summary>
public sealed record PagerDutyOptions(Secret RoutingKey)
{
    public const string RoutingKeyVariable = "PAGERDUTY_ROUTING_KEY";
    public const string UrlVariable = "PAGERDUTY_EVENTS_URL";

    public Uri BaseUrl { get; init; } = new("https://events.pagerduty.com/");

    public static PagerDutyOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        if (getVariable(RoutingKeyVariable) is not { Length: > 0 } key)
        {
            throw new IntegrationConfigurationException("PagerDuty", [RoutingKeyVariable]);
        }

        var options = new PagerDutyOptions(new Secret(key));
        if (getVariable(UrlVariable) is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
            {
                throw new IntegrationConfigurationException($"{UrlVariable} '{url}' is not an absolute URL; set it to e.g. https://events.pagerduty.com/");
            }

            options = options with { BaseUrl = parsed };
        }

        return options;
    }
}
