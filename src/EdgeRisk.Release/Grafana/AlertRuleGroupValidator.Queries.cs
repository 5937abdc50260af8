using System.Text.Json;

namespace EdgeRisk.Release.Grafana;

// A rule's data: the datasource queries and the server-side expressions over them.
public sealed partial class AlertRuleGroupValidator
{
    private static void CheckQuery(JsonElement query, string at, IReadOnlyList<string> refIds, List<SchemaError> errors)
    {
        if (query.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SchemaError(at, "a query must be a JSON object"));
            return;
        }

        Required(query, at, ["refId", "datasourceUid", "model"], errors);
        var refId = String(query, "refId", at, errors);
        var datasourceUid = String(query, "datasourceUid", at, errors);
        if (query.TryGetProperty("relativeTimeRange", out var range))
        {
            // Seconds before now; "10m" strings are rejected by Grafana.
            if (range.ValueKind != JsonValueKind.Object
                || !range.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.Number
                || !range.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Number
                || from.GetDouble() < to.GetDouble())
            {
                errors.Add(new SchemaError(at + "/relativeTimeRange", "must be {\"from\": seconds, \"to\": seconds} with from >= to"));
            }
        }

        if (!query.TryGetProperty("model", out var model))
        {
            return;
        }

        if (model.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SchemaError(at + "/model", "must be a JSON object"));
            return;
        }

        if (model.TryGetProperty("refId", out var modelRefId) && modelRefId.ValueKind == JsonValueKind.String && refId is not null
            && modelRefId.GetString() != refId)
        {
            errors.Add(new SchemaError(at + "/model/refId", $"'{modelRefId.GetString()}' differs from the query's refId '{refId}'"));
        }

        if (model.TryGetProperty("datasource", out var datasource) && datasource.ValueKind == JsonValueKind.Object
            && datasource.TryGetProperty("uid", out var modelUid) && modelUid.ValueKind == JsonValueKind.String && datasourceUid is not null
            && modelUid.GetString() != datasourceUid)
        {
            errors.Add(new SchemaError(at + "/model/datasource/uid", $"'{modelUid.GetString()}' differs from datasourceUid '{datasourceUid}'"));
        }

        if (datasourceUid == ExpressionDatasourceUid)
        {
            CheckExpression(model, at + "/model", refId, refIds, errors);
        }
        else if (datasourceUid is not null
                 && (!model.TryGetProperty("expr", out var expr) || expr.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(expr.GetString())))
        {
            errors.Add(new SchemaError(at + "/model/expr", "a Prometheus query needs a non-empty 'expr'"));
        }
    }

    private static void CheckExpression(JsonElement model, string at, string? refId, IReadOnlyList<string> refIds, List<SchemaError> errors)
    {
        var type = Enum(model, "type", ExpressionTypes, at, errors);
        if (type is null)
        {
            if (!model.TryGetProperty("type", out _))
            {
                errors.Add(new SchemaError(at + "/type", $"a server-side expression needs a type ({string.Join(", ", ExpressionTypes)})"));
            }

            return;
        }

        if (type is "reduce" or "threshold" or "resample")
        {
            if (!model.TryGetProperty("expression", out var input) || input.ValueKind != JsonValueKind.String)
            {
                errors.Add(new SchemaError(at + "/expression", $"a {type} expression needs the refId of its input"));
            }
            else if (!refIds.Contains(input.GetString()!, StringComparer.Ordinal) || input.GetString() == refId)
            {
                errors.Add(new SchemaError(at + "/expression", $"input '{input.GetString()}' is not another query of this rule"));
            }
        }

        if (type == "threshold")
        {
            var ok = model.TryGetProperty("conditions", out var conditions) && conditions.ValueKind == JsonValueKind.Array && conditions.GetArrayLength() > 0
                && conditions.EnumerateArray().All(c => c.ValueKind == JsonValueKind.Object
                    && c.TryGetProperty("evaluator", out var evaluator) && evaluator.ValueKind == JsonValueKind.Object
                    && evaluator.TryGetProperty("type", out var op) && op.ValueKind == JsonValueKind.String
                    && evaluator.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Array
                    && parameters.GetArrayLength() > 0 && parameters.EnumerateArray().All(p => p.ValueKind == JsonValueKind.Number));
            if (!ok)
            {
                errors.Add(new SchemaError(at + "/conditions", "a threshold needs conditions[].evaluator {type, params: [numbers]}"));
            }
        }
    }
}
