using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Refit;

namespace EdgeRisk.Release.Grafana;

/// <summary>Turns Refit responses into values or one-line <see cref="GrafanaApiException"/>s.</summary>
internal static class GrafanaResponses
{
    public static JsonObject? ContentOrNullWhenNotFound(IApiResponse<JsonObject> response, string what)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return Content(response, what);
    }

    public static T Content<T>(IApiResponse<T> response, string what)
        where T : JsonNode
    {
        if (response.IsSuccessStatusCode && response.Content is not null)
        {
            return response.Content;
        }

        if (response.StatusCode is not { } statusCode)
        {
            throw new GrafanaApiException(
                $"Grafana {what} failed: Grafana did not answer ({response.Error?.InnerException?.Message ?? response.Error?.Message}); check GRAFANA_URL and that Grafana is running",
                HttpStatusCode.ServiceUnavailable,
                null);
        }

        var (message, status) = ReadError((response.Error as ApiException)?.Content);
        var code = (int)statusCode;
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "; check GRAFANA_TOKEN (or GRAFANA_USER/GRAFANA_PASSWORD)",
            HttpStatusCode.Forbidden => "; the service account needs the Editor role",
            HttpStatusCode.PreconditionFailed when status == "version-mismatch" =>
                "; someone changed it in Grafana since it was read, review the change and re-run",
            _ => "",
        };
        throw new GrafanaApiException(
            $"Grafana {what} failed with {code}{(status is null ? "" : " " + status)}: {message ?? response.ReasonPhrase ?? "no message"}{hint}",
            statusCode,
            status);
    }

    private static (string? Message, string? Status) ReadError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            var node = JsonNode.Parse(body) as JsonObject;
            return (node?["message"]?.GetValue<string>(), node?["status"]?.GetValue<string>());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (body.Length > 200 ? body[..200] : body, null);
        }
    }
}
