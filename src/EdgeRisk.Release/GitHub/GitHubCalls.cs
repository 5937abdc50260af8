using System.Net;
using Octokit;

namespace EdgeRisk.Release.GitHub;

/// <summary>Runs an Octokit call and turns its exceptions into one-line <see cref="GitHubIntegrationException"/>s.</summary>
internal static class GitHubCalls
{
    public static async Task<T> RunAsync<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiValidationException ex)
        {
            var details = ex.ApiError?.Errors is { Count: > 0 } errors
                ? ": " + string.Join("; ", errors.Select(e => e.Message ?? $"{e.Resource}.{e.Field} {e.Code}"))
                : "";
            throw new GitHubIntegrationException($"GitHub {action} failed (422 {ex.Message}){details}", ex.StatusCode, ex);
        }
        catch (AuthorizationException ex)
        {
            throw new GitHubIntegrationException($"GitHub {action} failed (401 {ex.Message}); check GITHUB_TOKEN", ex.StatusCode, ex);
        }
        catch (ApiException ex)
        {
            throw new GitHubIntegrationException($"GitHub {action} failed ({(int)ex.StatusCode} {ex.Message})", ex.StatusCode, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new GitHubIntegrationException($"GitHub {action} failed: GitHub did not answer ({ex.Message})", HttpStatusCode.ServiceUnavailable, ex);
        }
    }
}
