using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace EdgeRisk.Evidence.Gates;

// Schema violations as one line naming the key, the value, what is wrong and the fix.
public sealed partial class GatesFile
{
    /// <summary>The first schema violation as "key.path = value: what is wrong and the fix", or null when valid.</summary>
    private static string? SchemaProblem(JsonNode? root)
    {
        using var document = JsonDocument.Parse(root?.ToJsonString() ?? "null");
        var results = Schema.Value.Evaluate(document.RootElement, Options);
        if (results.IsValid)
        {
            return null;
        }

        var errors = new List<(string Location, string Message)>();
        Collect(results, root, errors);
        if (errors.Count == 0)
        {
            return $"does not match {SchemaPath}";
        }

        var (location, message) = errors.OrderBy(e => e.Location, StringComparer.Ordinal).First();
        var more = errors.Select(e => e.Location).Distinct(StringComparer.Ordinal).Count() - 1;
        return message + (more > 0 ? $" (and {more} more)" : string.Empty);
    }

    private static void Collect(EvaluationResults node, JsonNode? instance, List<(string Location, string Message)> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            var location = node.InstanceLocation.ToString();
            errors.Add((location, Explain(keyword, message, Segments(location), SchemaAt(node), instance)));
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, instance, errors);
        }
    }

    private static string Explain(string keyword, string message, IReadOnlyList<string> location, JsonObject? schema, JsonNode? instance)
    {
        var value = Node(instance, location);
        var path = location.Count == 0 ? "(top level)" : string.Join('.', location);
        var shown = $"{path} = {Shown(value)}";
        switch (keyword)
        {
            case "required":
                var required = schema?["required"]?.AsArray().Select(k => k!.GetValue<string>()) ?? [];
                var missing = required.FirstOrDefault(k => value is not JsonObject o || !o.ContainsKey(k)) ?? "?";
                var property = (schema?["properties"] ?? Resolve(schema)?["properties"])?[missing];
                var described = property?["description"]?.GetValue<string>() ?? Resolve(property)?["description"]?.GetValue<string>();
                return $"{(location.Count == 0 ? missing : $"{path}.{missing}")} is missing: add it{(described is null ? string.Empty : $" ({described})")}";
            case "additionalProperties":
            case "" when message.Contains("false", StringComparison.OrdinalIgnoreCase):
                var known = (schema?["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
                var unknown = keyword.Length == 0 ? path : UnknownKey(value, known, path);
                return $"{unknown}: unknown key; valid keys here are {string.Join(", ", known)}";
            case "type":
                return $"{shown}: must be {Types(schema?["type"])}";
            case "minimum":
                return $"{shown}: must be >= {schema?["minimum"]}";
            case "exclusiveMinimum":
                return $"{shown}: must be > {schema?["exclusiveMinimum"]}";
            case "maximum":
                return $"{shown}: must be <= {schema?["maximum"]}";
            case "const":
                return $"{shown}: must be {schema?["const"]?.ToJsonString()} (the statistic this gate computes)";
            case "enum":
                return $"{shown}: must be one of {schema?["enum"]?.ToJsonString()}";
            case "pattern" when IsDurationPattern(schema):
                return $"{shown}: must be a Prometheus duration such as 30s, 2m, 1h30m or 48h";
            case "pattern":
                return $"{shown}: must match {schema?["pattern"]}";
            case "uniqueItems":
                return $"{shown}: must not name an item twice";
            case "minItems":
                return $"{shown}: must have at least {schema?["minItems"]} item(s)";
            default:
                return $"{shown}: {message} (see {SchemaPath})";
        }
    }

    private static bool IsDurationPattern(JsonObject? schema) =>
        schema?["pattern"]?.GetValue<string>() is { } pattern && pattern.Contains("ms|s|m|h", StringComparison.Ordinal);

    /// <summary>For an additionalProperties failure reported on the object: its first key the schema does not know.</summary>
    private static string UnknownKey(JsonNode? value, List<string> known, string path)
    {
        var key = (value as JsonObject)?.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal));
        return key is null ? path : (path == "(top level)" ? key : $"{path}.{key}");
    }

    private static string Types(JsonNode? type) => type switch
    {
        JsonArray many => string.Join(" or ", many.Select(t => Types(t))),
        JsonValue one => one.GetValue<string>() switch
        {
            "number" => "a number",
            "integer" => "a whole number",
            "string" => "a string",
            "object" => "an object { … }",
            "array" => "an array [ … ]",
            "null" => "null",
            var other => other,
        },
        _ => "of the schema's type",
    };

    private static string Shown(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 40 ? text : text[..37] + "...";
    }

    /// <summary>
    /// The subschema that holds the failed keyword: the result's evaluation path walked through the schema,
    /// following <c>$ref</c>s, up to an <c>additionalProperties</c> (the object that refused the key) or a segment that
    /// is not a subschema (the keyword itself, or the library's own step names).
    /// </summary>
    private static JsonObject SchemaAt(EvaluationResults node)
    {
        var current = SchemaNode.Value;
        foreach (var segment in Segments(node.EvaluationPath.ToString()))
        {
            if (segment == "additionalProperties")
            {
                break;
            }

            if (segment == "$ref")
            {
                current = Resolve(current) ?? current;
            }
            else if (current[segment] is JsonObject child)
            {
                current = child;
            }
        }

        return current;
    }

    private static JsonObject? Resolve(JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
            ? Node(SchemaNode.Value, Segments(reference[1..])) as JsonObject
            : null;

    private static List<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
}
