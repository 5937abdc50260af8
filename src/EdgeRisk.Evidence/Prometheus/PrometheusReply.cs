using System.Globalization;
using System.Text.Json;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>Reads Prometheus API replies: matrix results into <see cref="TimeSeries"/>, alerting rules into <see cref="RulesEvidence"/>.</summary>
public static class PrometheusReply
{
    /// <summary>Throws <see cref="EvidenceUnavailableException"/> for <c>{"status":"error",...}</c> or a body that is not a Prometheus reply.</summary>
    public static IReadOnlyList<TimeSeries> ParseMatrix(ReadOnlySpan<byte> json, string what)
    {
        using var doc = Parse(json, what);
        var data = doc.RootElement.GetProperty("data");
        var type = data.GetProperty("resultType").GetString();
        if (type != "matrix")
        {
            throw new EvidenceUnavailableException($"{what}: expected a matrix reply, got '{type}'");
        }

        var result = new List<TimeSeries>();
        foreach (var item in data.GetProperty("result").EnumerateArray())
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var label in item.GetProperty("metric").EnumerateObject())
            {
                labels[label.Name] = label.Value.GetString() ?? string.Empty;
            }

            var values = item.GetProperty("values");
            var n = values.GetArrayLength();
            var t = new double[n];
            var v = new double[n];
            var i = 0;
            foreach (var pair in values.EnumerateArray())
            {
                t[i] = pair[0].GetDouble();
                v[i++] = ParseValue(pair[1].GetString());
            }

            result.Add(new TimeSeries(labels, t, v));
        }

        return result;
    }

    public static RulesEvidence ParseAlertRules(ReadOnlySpan<byte> json, string what)
    {
        using var doc = Parse(json, what);
        var rules = new List<AlertRuleState>();
        foreach (var group in doc.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray())
        {
            var groupName = group.GetProperty("name").GetString() ?? string.Empty;
            foreach (var rule in group.GetProperty("rules").EnumerateArray())
            {
                if (rule.TryGetProperty("type", out var type) && type.GetString() != "alerting")
                {
                    continue;
                }

                rules.Add(new AlertRuleState(groupName, rule.GetProperty("name").GetString() ?? string.Empty,
                    rule.TryGetProperty("health", out var health) ? health.GetString() ?? "unknown" : "unknown",
                    rule.TryGetProperty("lastError", out var error) ? error.GetString() : null));
            }
        }

        return new RulesEvidence(rules);
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> json, string what)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            throw new EvidenceUnavailableException($"{what}: reply is not JSON ({e.Message})", e);
        }

        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
        {
            doc.Dispose();
            throw new EvidenceUnavailableException($"{what}: reply is not a Prometheus API reply (no status)");
        }

        if (status.GetString() != "success")
        {
            var type = root.TryGetProperty("errorType", out var t) ? t.GetString() : "unknown";
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : "no error text";
            doc.Dispose();
            throw new EvidenceUnavailableException($"{what}: Prometheus replied error {type}: {error}");
        }

        return doc;
    }

    private static double ParseValue(string? text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text ?? "NaN", NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
