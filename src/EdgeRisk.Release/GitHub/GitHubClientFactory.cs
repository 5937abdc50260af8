using Octokit;
using Octokit.Internal;

namespace EdgeRisk.Release.GitHub;

/// <summary>
/// Builds an Octokit client. With <paramref name="transport"/> (e.g. the outbox) requests go through that handler;
/// otherwise over real HTTP. A non-github.com <see cref="GitHubOptions.ApiUrl"/> gets Octokit's enterprise <c>api/v3/</c> prefix.
/// </summary>
public static class GitHubClientFactory
{
    private static readonly ProductHeaderValue Product = new("edgerisk");

    public static IGitHubClient Create(GitHubOptions options, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credentials = new Credentials(options.Token.Reveal());
        if (transport is null)
        {
            var client = options.ApiUrl is null ? new GitHubClient(Product) : new GitHubClient(Product, options.ApiUrl);
            client.Credentials = credentials;
            return client;
        }

        var connection = new Connection(
            Product,
            options.ApiUrl ?? GitHubClient.GitHubApiUrl,
            new InMemoryCredentialStore(credentials),
            new HttpClientAdapter(() => transport),
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }
}
