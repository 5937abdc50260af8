using System.Net;

namespace EdgeRisk.Release.GitHub;

/// <summary>GitHub refused a call; the message carries GitHub's message and validation errors, never the token.</summary>
public sealed class GitHubIntegrationException : Exception
{
    public GitHubIntegrationException(string message, HttpStatusCode statusCode, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public GitHubIntegrationException()
    {
    }

    public GitHubIntegrationException(string message)
        : base(message)
    {
    }

    public GitHubIntegrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode StatusCode { get; }
}
