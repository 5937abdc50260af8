using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>A Prometheus rule file (<c>groups: [{name, interval, rules: [...]}]</c>), read and written with YamlDotNet.</summary>
public sealed class PrometheusRuleFile
{
    public List<PrometheusRuleGroup> Groups { get; set; } = [];

    public static PrometheusRuleFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvidenceInputException($"rule file {path} does not exist; pass the project's prometheus/rules/*.yml");
        }

        try
        {
            var file = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .IgnoreUnmatchedProperties()
                .Build()
                .Deserialize<PrometheusRuleFile?>(File.ReadAllText(path));
            return file ?? new PrometheusRuleFile();
        }
        catch (YamlException ex)
        {
            throw new EvidenceInputException($"rule file {path} is not a valid rule file (line {ex.Start.Line}): {ex.Message}", ex);
        }
    }

    public string ToYaml() =>
        new SerializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
            .Build()
            .Serialize(this);
}

public sealed class PrometheusRuleGroup
{
    public string Name { get; set; } = string.Empty;

    public string? Interval { get; set; }

    public List<PrometheusRule> Rules { get; set; } = [];
}

public sealed class PrometheusRule
{
    public string? Alert { get; set; }

    public string? Record { get; set; }

    public string Expr { get; set; } = string.Empty;

    public string? For { get; set; }

    public string? KeepFiringFor { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public Dictionary<string, string>? Annotations { get; set; }
}
