using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace EdgeRisk.Release.Staging;

/// <summary>
/// Renders the repository's prometheus.yml for processes on other ports: scrape targets of known jobs and the
/// Alertmanager target move to 127.0.0.1:PORT. With <c>absoluteRuleFiles</c>, relative rule_files are resolved against the
/// source's folder (for a rendered file that lives elsewhere on the same machine); without, they stay as written (for a
/// container that mounts the rules next to the rendered file).
/// </summary>
public static class PrometheusConfigRenderer
{
    /// <param name="jobPorts">job_name → port of its single loopback target.</param>
    /// <exception cref="LocalServicesException">The source is missing or not YAML.</exception>
    public static string Render(string sourcePath, IReadOnlyDictionary<string, int> jobPorts, int alertmanagerPort, bool absoluteRuleFiles = true)
    {
        ArgumentNullException.ThrowIfNull(jobPorts);
        if (!File.Exists(sourcePath))
        {
            throw new LocalServicesException($"Prometheus config '{sourcePath}' not found: it is the staging prometheus/prometheus.yml");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(sourcePath);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new LocalServicesException($"Prometheus config '{sourcePath}' is not valid YAML ({e.Message}): fix the file", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new LocalServicesException($"Prometheus config '{sourcePath}' has no top-level mapping");
        }

        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(sourcePath))!;
        if (absoluteRuleFiles && Child(root, "rule_files") is YamlSequenceNode ruleFiles)
        {
            var absolute = ruleFiles.Children.OfType<YamlScalarNode>()
                .Select(f => Path.IsPathRooted(f.Value!) ? f.Value! : Path.Combine(baseDirectory, f.Value!))
                .ToList();
            ruleFiles.Children.Clear();
            foreach (var file in absolute)
            {
                ruleFiles.Add(new YamlScalarNode(file));
            }
        }

        if (Child(root, "scrape_configs") is YamlSequenceNode scrapes)
        {
            foreach (var scrape in scrapes.Children.OfType<YamlMappingNode>())
            {
                if (Child(scrape, "job_name") is YamlScalarNode { Value: { } job } && jobPorts.TryGetValue(job, out var port))
                {
                    SetTargets(scrape, port);
                }
            }
        }

        if (Child(root, "alerting") is YamlMappingNode alerting && Child(alerting, "alertmanagers") is YamlSequenceNode managers)
        {
            foreach (var manager in managers.Children.OfType<YamlMappingNode>())
            {
                SetTargets(manager, alertmanagerPort);
            }
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static void SetTargets(YamlMappingNode owner, int port)
    {
        var target = new YamlSequenceNode(new YamlScalarNode($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        owner.Children[new YamlScalarNode("static_configs")] = new YamlSequenceNode(
            new YamlMappingNode(new YamlScalarNode("targets"), target));
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
