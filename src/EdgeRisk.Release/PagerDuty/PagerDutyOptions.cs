using EdgeRisk.Release.Outbox;

namespace EdgeRisk.Release.PagerDuty;

/// <summary>Events API v2 endpoint and the integration's routing key (masked when printed).</summary>
public sealed record PagerDutyOptions(Secret RoutingKey)
{
    public const string RoutingKeyVariable = "PAGERDUTY_ROUTING_KEY";
    public const string RoutingKeyFileVariable = "PAGERDUTY_ROUTING_KEY_FILE";
    public const string UrlVariable = "PAGERDUTY_URL";

    public Uri BaseUrl { get; init; } = new("https://events.pagerduty.com/");

    public static PagerDutyOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var key = getVariable(RoutingKeyVariable) is { Length: > 0 } value ? value : ReadKeyFile(getVariable(RoutingKeyFileVariable));
        if (key is null)
        {
            throw new IntegrationConfigurationException("PagerDuty", [RoutingKeyVariable], $"or {RoutingKeyFileVariable}, a file holding it");
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

    /// <summary>The key in a file (a mounted secret), trimmed; null when no file is named.</summary>
    private static string? ReadKeyFile(string? path)
    {
        if (path is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path).Trim() is { Length: > 0 } key
                ? key
                : throw new IntegrationConfigurationException($"{RoutingKeyFileVariable} '{path}' is empty: write the routing key into it");
        }
        catch (IOException e)
        {
            throw new IntegrationConfigurationException($"{RoutingKeyFileVariable} '{path}' cannot be read ({e.Message}): point it at the file holding the routing key");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IntegrationConfigurationException($"{RoutingKeyFileVariable} '{path}' cannot be read ({e.Message}): point it at the file holding the routing key");
        }
    }
}
