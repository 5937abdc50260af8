using System.Text;
using System.Text.Json;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Nuke.Execution;

/// <summary>Generates <c>.nuke/build.schema.json</c> (JSON Schema of parameters.json) from the build's parameters.</summary>
internal static class SchemaWriter
{
    public static string Generate(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Build Schema");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            WriteTargetList(json, "Target", "Targets to run", targets);
            WriteTargetList(json, "Skip", "Targets to skip", targets);
            foreach (var parameter in parameters)
            {
                json.WriteStartObject(parameter.Name);
                WriteType(json, parameter.Type);
                var description = parameter.Description ?? string.Empty;
                json.WriteString("description", parameter.IsSecret ? $"{description} (secret)".TrimStart() : description);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the file when its content differs; returns true when it was written.</summary>
    public static bool WriteIfChanged(AbsolutePath file, string content)
    {
        if (file.FileExists() && file.ReadAllText() == content)
        {
            return false;
        }

        file.WriteAllText(content);
        return true;
    }

    private static void WriteTargetList(Utf8JsonWriter json, string name, string description, IReadOnlyList<ExecutableTarget> targets)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "array");
        json.WriteString("description", description);
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteStartArray("enum");
        foreach (var target in targets.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            json.WriteStringValue(target.Name);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter json, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsArray)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            WriteType(json, target.GetElementType()!);
            json.WriteEndObject();
            return;
        }

        if (target.IsEnum)
        {
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var name in Enum.GetNames(target))
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            return;
        }

        json.WriteString("type", target == typeof(bool) ? "boolean"
            : target == typeof(int) ? "integer"
            : target == typeof(double) || target == typeof(decimal) ? "number"
            : "string");
        if (target == typeof(DateTimeOffset))
        {
            json.WriteString("format", "date-time");
        }
    }
}
