using EdgeRisk.Release.Outbox;

namespace EdgeRisk.Release.GitHub;

/// <summary>Repository and token (masked when printed). <see cref="ApiUrl"/> null means api.github.com.</summary>
public sealed record GitHubOptions(string Owner, string Repository, Secret Token)
{
    public const string TokenVariable = "GITHUB_TOKEN";
    public const string RepositoryVariable = "GITHUB_REPOSITORY";
    public const string ApiUrlVariable = "GITHUB_API_URL";

    public Uri? ApiUrl { get; init; }

    /// <summary>Reads <c>GITHUB_TOKEN</c>, <c>GITHUB_REPOSITORY</c> (owner/name) and optionally <c>GITHUB_API_URL</c>.</summary>
    public static GitHubOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var token = getVariable(TokenVariable);
        var repository = getVariable(RepositoryVariable);
        var missing = new List<string>();
        if (string.IsNullOrEmpty(token))
        {
            missing.Add(TokenVariable);
        }

        if (string.IsNullOrEmpty(repository))
        {
            missing.Add(RepositoryVariable);
        }

        if (missing.Count > 0)
        {
            throw new IntegrationConfigurationException("GitHub", missing);
        }

        var parts = repository!.Split('/');
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new IntegrationConfigurationException($"{RepositoryVariable} '{repository}' must be owner/name, e.g. edgerisk/edgerisk");
        }

        Uri? apiUrl = null;
        if (getVariable(ApiUrlVariable) is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out apiUrl))
        {
            throw new IntegrationConfigurationException($"{ApiUrlVariable} '{url}' is not an absolute URL; leave it unset for github.com");
        }

        return new GitHubOptions(parts[0], parts[1], new Secret(token!)) { ApiUrl = apiUrl };
    }
}
