using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Grafana;
using EdgeRisk.Release.Jira;
using EdgeRisk.Release.Outbox;
using EdgeRisk.Release.PagerDuty;

namespace EdgeRisk.Release.Promotion;

/// <summary>A hosted service or target a staging step needs credentials or an address for.</summary>
public enum ReleaseService
{
    GitHub,
    Grafana,
    Jira,
    Production,
    PagerDuty,
}

/// <summary>
/// The staging integrations' settings: environment variables, overridden by values the build resolved from its
/// parameters (flags, <c>.nuke/parameters.staging.json</c>). <see cref="Problem"/> names every missing variable of one
/// service in one line, before anything is called.
/// </summary>
public sealed class ReleaseSettings(Func<string, string?> environment, IReadOnlyDictionary<string, string?>? overrides = null)
{
    public const string ProductionDockerHostVariable = "PRODUCTION_DOCKER_HOST";

    public string? Get(string name) =>
        overrides is not null && overrides.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : environment(name) is { Length: > 0 } variable ? variable : null;

    public GitHubOptions GitHub() => GitHubOptions.FromEnvironment(Get);

    public GrafanaOptions Grafana() => GrafanaOptions.FromEnvironment(Get);

    public JiraOptions Jira() => JiraOptions.FromEnvironment(Get);

    public PagerDutyOptions PagerDuty() => PagerDutyOptions.FromEnvironment(Get);

    /// <summary>The Docker engine production runs on (e.g. ssh://deploy@prod-host); never the staging engine.</summary>
    public Uri ProductionDockerHost()
    {
        var host = Get(ProductionDockerHostVariable) ?? throw new IntegrationConfigurationException("Production deploy", [ProductionDockerHostVariable]);
        return Uri.TryCreate(host, UriKind.Absolute, out var uri) && uri.Scheme is "unix" or "tcp" or "ssh"
            ? uri
            : throw new IntegrationConfigurationException($"{ProductionDockerHostVariable} '{host}' is not a Docker engine address: use unix://, tcp:// or ssh://");
    }

    /// <summary>The one-line reason <paramref name="service"/> cannot be used, or null when it is configured.</summary>
    public string? Problem(ReleaseService service)
    {
        try
        {
            _ = service switch
            {
                ReleaseService.GitHub => (object)GitHub(),
                ReleaseService.Grafana => Grafana(),
                ReleaseService.Jira => Jira(),
                ReleaseService.PagerDuty => PagerDuty(),
                _ => ProductionDockerHost(),
            };
            return null;
        }
        catch (IntegrationConfigurationException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Every missing variable of <paramref name="services"/> in one line, or null when all are configured.</summary>
    public string? Problems(params ReleaseService[] services)
    {
        var problems = services.Distinct().Select(Problem).OfType<string>().ToList();
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
