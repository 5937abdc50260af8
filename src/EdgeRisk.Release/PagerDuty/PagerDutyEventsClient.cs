using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeRisk.Release.PagerDuty;

/// <summary>Events API v2: <c>POST /v2/enqueue</c>, answered 202 with the dedup key PagerDuty will use.</summary>
public sealed class PagerDutyEventsClient
{
    private readonly HttpClient http;
    private readonly PagerDutyOptions options;

    public PagerDutyEventsClient(PagerDutyOptions options, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        http = new HttpClient(transport ?? new SocketsHttpHandler(), disposeHandler: transport is null)
        {
            BaseAddress = options.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Sends the event and returns the dedup key; 400 and 429 become a <see cref="PagerDutyException"/>.</summary>
    public async Task<string> SendAsync(PagerDutyEvent pagerDutyEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pagerDutyEvent);
        using var response = await http.PostAsJsonAsync(new Uri("v2/enqueue", UriKind.Relative), ToBody(pagerDutyEvent), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = TryParse(text);
        if (response.StatusCode == HttpStatusCode.Accepted && body?["dedup_key"]?.GetValue<string>() is { } dedupKey)
        {
            return dedupKey;
        }

        var errors = body?["errors"] is JsonArray list ? string.Join("; ", list.Select(e => e?.ToString())) : null;
        var message = body?["message"]?.ToString() ?? response.ReasonPhrase ?? "no message";
        var hint = response.StatusCode == HttpStatusCode.TooManyRequests ? " (rate limited; retry later)" : "";
        throw new PagerDutyException(
            $"PagerDuty rejected the {pagerDutyEvent.Action.ToString().ToLowerInvariant()} event with {(int)response.StatusCode}: {message}{(errors is null ? "" : " – " + errors)}{hint}",
            response.StatusCode);
    }

    private JsonObject ToBody(PagerDutyEvent e)
    {
        var body = new JsonObject
        {
            ["routing_key"] = options.RoutingKey.Reveal(),
            ["event_action"] = e.Action.ToString().ToLowerInvariant(),
        };
        if (e.DedupKey is not null)
        {
            body["dedup_key"] = e.DedupKey;
        }

        if (e.Action == PagerDutyEventAction.Trigger)
        {
            var payload = new JsonObject
            {
                ["summary"] = e.Summary,
                ["source"] = e.Source,
                ["severity"] = e.Severity.ToString().ToLowerInvariant(),
            };
            if (e.Timestamp is { } timestamp)
            {
                payload["timestamp"] = timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            }

            AddIfSet(payload, "component", e.Component);
            AddIfSet(payload, "group", e.Group);
            AddIfSet(payload, "class", e.Class);
            if (e.CustomDetails is { Count: > 0 } details)
            {
                var custom = new JsonObject();
                foreach (var (key, value) in details)
                {
                    custom[key] = value;
                }

                payload["custom_details"] = custom;
            }

            body["payload"] = payload;
        }

        return body;
    }

    private static void AddIfSet(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
