using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Validates classic Grafana dashboard JSON against <c>grafana/schema/dashboard.schema.json</c>, the JSON Schema
/// generated from the official <c>@grafana/schema</c> types (see grafana/schema/generate.sh). Unknown keys are errors.
/// </summary>
public sealed partial class DashboardSchemaValidator
{
    public const string DefaultSchemaPath = "grafana/schema/dashboard.schema.json";

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.Hierarchical };

    private readonly JsonSchema _schema;

    private DashboardSchemaValidator(JsonSchema schema) => _schema = schema;

    /// <exception cref="DashboardValidationException">The schema file is missing or not a JSON Schema.</exception>
    public static DashboardSchemaValidator FromFile(string schemaPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(schemaPath);
        var fullPath = Path.GetFullPath(schemaPath);
        if (!File.Exists(fullPath))
        {
            throw new DashboardValidationException(
                $"dashboard schema '{schemaPath}' not found: run grafana/schema/generate.sh or check out {DefaultSchemaPath}");
        }

        try
        {
            // A base URI of its own per instance: the library's global registry refuses a second schema at the same URI.
            var schema = JsonSchema.FromText(File.ReadAllText(fullPath), baseUri: new Uri($"urn:edgerisk:dashboard-schema:{Guid.NewGuid():N}"));
            return new DashboardSchemaValidator(schema);
        }
        catch (JsonException e)
        {
            throw new DashboardValidationException($"dashboard schema '{schemaPath}' is not valid JSON ({e.Message}): regenerate it with grafana/schema/generate.sh");
        }
    }

    public SchemaValidationResult ValidateFile(string dashboardPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(dashboardPath);
        return Validate(File.ReadAllText(dashboardPath), dashboardPath);
    }

    public SchemaValidationResult Validate(string json, string documentName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new SchemaValidationResult(documentName, [new SchemaError(string.Empty, $"not valid JSON: {e.Message}")]);
        }

        using (document)
        {
            var results = _schema.Evaluate(document.RootElement, Options);
            var errors = new List<SchemaError>();
            Collect(results, errors);
            if (!results.IsValid && errors.Count == 0)
            {
                errors.Add(new SchemaError(string.Empty, "does not match the dashboard schema"));
            }

            return new SchemaValidationResult(documentName, errors.Distinct().ToList());
        }
    }

    // Walks failing nodes only; of competing anyOf branches (Panel vs RowPanel) it follows the one with the fewest errors.
    private static void Collect(EvaluationResults node, List<SchemaError> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            var text = keyword.Length == 0 && message.Contains("false schema", StringComparison.Ordinal)
                ? "property is not allowed here (unknown key)"
                : $"[{keyword}] {message}";
            errors.Add(new SchemaError(node.InstanceLocation.ToString(), text));
        }

        var failing = (node.Details ?? []).Where(d => !d.IsValid).ToList();
        var branches = failing.Where(d => AnyOfBranch().IsMatch(d.EvaluationPath.ToString())).ToList();
        if (branches.Count > 1)
        {
            failing = failing.Except(branches.OrderBy(Count).Skip(1)).ToList();
        }

        foreach (var child in failing)
        {
            Collect(child, errors);
        }
    }

    private static int Count(EvaluationResults node) =>
        (node.Errors?.Count ?? 0) + (node.Details ?? []).Where(d => !d.IsValid).Sum(Count);

    [GeneratedRegex("/anyOf/[0-9]+$")]
    private static partial Regex AnyOfBranch();
}
