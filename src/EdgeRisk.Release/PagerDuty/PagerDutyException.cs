using System.Net;

namespace EdgeRisk.Release.PagerDuty;

/// <summary>PagerDuty rejected an event; the message lists PagerDuty's validation errors, never the routing key.</summary>
public sealed class PagerDutyException : Exception
{
    public PagerDutyException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public PagerDutyException()
    {
    }

    public PagerDutyException(string message)
        : base(message)
    {
    }

    public PagerDutyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode StatusCode { get; }

    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;
}
