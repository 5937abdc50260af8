using System.Net;

namespace EdgeRisk.Release.Jira;

/// <summary>Jira refused a call; the message carries Jira's errorMessages, never credentials.</summary>
public sealed class JiraException(string message, HttpStatusCode statusCode) : EdgeRiskException(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
