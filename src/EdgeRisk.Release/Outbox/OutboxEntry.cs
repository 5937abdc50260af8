using System.Text.Json.Nodes;

namespace EdgeRisk.Release.Outbox;

/// <summary>
/// One recorded outgoing request. <see cref="Resource"/> names what the request changes (e.g. <c>dashboard:edge-risk</c>).
/// Never holds headers, so credentials cannot reach the outbox.
/// </summary>
public sealed record OutboxEntry(int Sequence, string Service, string Method, string Path, string Resource, JsonNode? Body, string FileName)
{
    public string PathWithoutQuery => Path.Split('?', 2)[0];
}
