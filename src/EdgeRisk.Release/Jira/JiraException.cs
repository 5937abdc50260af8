using System.Net;

namespace EdgeRisk.Release.Jira;

/// <summary>Jira refused a call; the message carries Jira's errorMessages, never credentials.</summary>
public sealed class JiraException : EdgeRiskException
{
    public JiraException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public JiraException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode StatusCode { get; }
}
