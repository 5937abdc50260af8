using System.Net;

namespace EdgeRisk.Release.PagerDuty;

/// <summary>PagerDuty rejected an event; the message lists PagerDuty's validation errors, never the routing key.</summary>
public sealed class PagerDutyException(string message, HttpStatusCode statusCode) : EdgeRiskException(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;
}
