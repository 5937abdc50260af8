using System.Net;

namespace EdgeRisk.Release.PagerDuty;

/// <summary>PagerDuty rejected an event; the message lists PagerDuty's validation errors, never the routing key.</summary>
public sealed class PagerDutyException : EdgeRiskException
{
    public PagerDutyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public PagerDutyException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode StatusCode { get; }

    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;
}
