using System.Net;

namespace EdgeRisk.Release.GitHub;

/// <summary>GitHub refused a call; the message carries GitHub's message and validation errors, never the token.</summary>
public sealed class GitHubIntegrationException : EdgeRiskException
{
    public GitHubIntegrationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public GitHubIntegrationException(string message, HttpStatusCode statusCode, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode StatusCode { get; }
}
