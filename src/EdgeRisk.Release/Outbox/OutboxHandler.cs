using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeRisk.Release.Outbox;

/// <summary>
/// The local profile's transport: writes are recorded in the <see cref="OutboxRecorder"/>, and every request is answered
/// by the service's <see cref="IOutboxResponder"/> from what the outbox holds. Nothing leaves the machine, and the same
/// client code runs in the staging profile over real HTTP. It never calls an inner handler, so it works both as a
/// client's primary handler and as the last handler of a pipeline.
/// </summary>
public sealed class OutboxHandler(OutboxRecorder recorder, IOutboxResponder responder) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri?.AbsolutePath ?? "/";
        var bodyNode = Parse(body);
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            var resource = responder.ResourceOf(request.Method, path, bodyNode);
            await recorder.RecordAsync(responder.Service, request.Method.Method, request.RequestUri?.PathAndQuery ?? path, resource, body, cancellationToken);
        }

        var answer = responder.Respond(request.Method, path, bodyNode, recorder.ReadAll(responder.Service));
        var response = new HttpResponseMessage(answer.Status)
        {
            RequestMessage = request,
            Content = new StringContent(answer.Body?.ToJsonString() ?? "", Encoding.UTF8),
        };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return response;
    }

    private static JsonNode? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
