using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeRisk.Release.Outbox;

/// <summary>
/// Writes outgoing requests as numbered JSON files (<c>0001-grafana-post.json</c>, ...) under one directory, e.g.
/// <c>artifacts/release/outbox/</c>. A request identical (method, path, body) to the latest one recorded for the same
/// service and resource is recognised and not written again, so re-running a release step leaves the outbox unchanged,
/// while changing something back and forth (A, B, A) is still recorded in order.
/// Body fields that carry credentials (routing keys, tokens, passwords) are masked before writing.
/// </summary>
public sealed class OutboxRecorder
{
    private static readonly HashSet<string> SecretFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "routing_key", "token", "password", "api_key", "apiKey", "secret", "authorization",
    };

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    private readonly SemaphoreSlim gate = new(1, 1);

    public OutboxRecorder(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    /// <summary>Records a request unless an identical one is already there; returns the entry and whether it was new.</summary>
    public async Task<(OutboxEntry Entry, bool Written)> RecordAsync(
        string service, string method, string path, string resource, string? body, CancellationToken cancellationToken = default)
    {
        var bodyNode = ParseAndMask(body);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var existing = ReadAll();
            var latest = existing.LastOrDefault(e => e.Service == service && e.Resource == resource);
            if (latest is not null && latest.Method == method && latest.Path == path && JsonNode.DeepEquals(latest.Body, bodyNode))
            {
                return (latest, false);
            }

            var sequence = existing.Count == 0 ? 1 : existing.Max(e => e.Sequence) + 1;
            var fileName = string.Create(CultureInfo.InvariantCulture, $"{sequence:D4}-{service}-{method.ToLowerInvariant()}.json");
            var document = new JsonObject
            {
                ["sequence"] = sequence,
                ["service"] = service,
                ["method"] = method,
                ["path"] = path,
                ["resource"] = resource,
                ["body"] = bodyNode?.DeepClone(),
            };
            System.IO.Directory.CreateDirectory(Directory);
            var target = Path.Combine(Directory, fileName);
            var temp = target + ".tmp";
            await File.WriteAllTextAsync(temp, document.ToJsonString(WriteOptions) + "\n", cancellationToken);
            File.Move(temp, target, overwrite: false);
            return (new OutboxEntry(sequence, service, method, path, resource, bodyNode, fileName), true);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>All recorded entries of one service in sequence order.</summary>
    public IReadOnlyList<OutboxEntry> ReadAll(string service) => ReadAll().Where(e => e.Service == service).ToList();

    /// <summary>All recorded entries in sequence order.</summary>
    public IReadOnlyList<OutboxEntry> ReadAll()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var entries = new List<OutboxEntry>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            var node = JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                ?? throw new InvalidDataException($"outbox file {file} is not a JSON object; delete it and re-run");
            entries.Add(new OutboxEntry(
                node["sequence"]!.GetValue<int>(),
                node["service"]!.GetValue<string>(),
                node["method"]!.GetValue<string>(),
                node["path"]!.GetValue<string>(),
                node["resource"]?.GetValue<string>() ?? node["path"]!.GetValue<string>(),
                node["body"]?.DeepClone(),
                Path.GetFileName(file)));
        }

        return entries.OrderBy(e => e.Sequence).ToList();
    }

    private static JsonNode? ParseAndMask(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            // Non-JSON bodies are kept as text; they never carry headers.
            return JsonValue.Create(body);
        }

        Mask(node);
        return node;
    }

    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (SecretFields.Contains(name))
                    {
                        obj[name] = Secret.Mask;
                    }
                    else
                    {
                        Mask(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Mask(item);
                }

                break;
        }
    }
}
