using System.Net;

namespace EdgeRisk.Release.Grafana;

/// <summary>Grafana refused a call. The message carries Grafana's own message and status, never request headers.</summary>
public sealed class GrafanaApiException : EdgeRiskException
{
    public GrafanaApiException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public GrafanaApiException(string message, HttpStatusCode statusCode, string? grafanaStatus)
        : base(message)
    {
        StatusCode = statusCode;
        GrafanaStatus = grafanaStatus;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Grafana's machine-readable status such as <c>version-mismatch</c>, when it sent one.</summary>
    public string? GrafanaStatus { get; }

    public bool IsVersionMismatch => GrafanaStatus == "version-mismatch";
}
