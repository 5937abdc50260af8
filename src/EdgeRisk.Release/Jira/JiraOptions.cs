using EdgeRisk.Release.Outbox;

namespace EdgeRisk.Release.Jira;

/// <summary>Jira Cloud site and basic-auth credentials (account email + API token, masked when printed).</summary>
public sealed record JiraOptions(Uri Url, string Email, Secret ApiToken)
{
    public const string UrlVariable = "JIRA_URL";
    public const string EmailVariable = "JIRA_EMAIL";
    public const string TokenVariable = "JIRA_API_TOKEN";

    public static JiraOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var url = getVariable(UrlVariable);
        var email = getVariable(EmailVariable);
        var token = getVariable(TokenVariable);
        var missing = new[] { (UrlVariable, url), (EmailVariable, email), (TokenVariable, token) }
            .Where(v => string.IsNullOrEmpty(v.Item2))
            .Select(v => v.Item1)
            .ToList();
        if (missing.Count > 0)
        {
            throw new IntegrationConfigurationException("Jira", missing);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            throw new IntegrationConfigurationException($"{UrlVariable} '{url}' is not an absolute URL; set it to e.g. https://yourteam.atlassian.net");
        }

        return new JiraOptions(parsed, email!, new Secret(token!));
    }
}
