using System.Net;

namespace EdgeRisk.Release.Jira;

/// <summary>Jira refused a call; the message carries Jira's errorMessages, never credentials.</summary>
public sealed class JiraException : Exception
{
    public JiraException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public JiraException()
    {
    }

    public JiraException(string message)
        : base(message)
    {
    }

    public JiraException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode StatusCode { get; }
}
