using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeRisk.Tuning.SearchSpace;

namespace EdgeRisk.Tuning.Tune;

/// <summary>Writes a trial's config folder: every JSON file of the base config, with each parameter's key (and complement) set.</summary>
public static class TrialConfigWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(string baseDirectory, TuneSpace space, IReadOnlyList<double> values, string targetDirectory)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(values);
        var documents = Files(space).Where(name => File.Exists(Path.Combine(baseDirectory, name)))
            .ToDictionary(name => name, name => JsonNode.Parse(File.ReadAllText(Path.Combine(baseDirectory, name)))!, StringComparer.Ordinal);
        for (var i = 0; i < space.Parameters.Count; i++)
        {
            var p = space.Parameters[i];
            var target = p.Target ?? throw new TuneException($"parameter '{p.Name}' names no config file and key: give \"file\" and \"key\" in the search space");
            if (!documents.TryGetValue(target.File, out var document))
            {
                throw new TuneException($"parameter '{p.Name}': {target.File} is not in {baseDirectory}; name a config file that exists");
            }

            Set(document, target.Key, values[i], p.Int, p.Name);
            if (target.ComplementKey is { } complement)
            {
                Set(document, complement, Math.Round(1d - values[i], 12), false, p.Name);
            }
        }

        Directory.CreateDirectory(targetDirectory);
        foreach (var (name, document) in documents)
        {
            var path = Path.Combine(targetDirectory, name);
            var temp = Path.Combine(targetDirectory, "." + name + ".tmp");
            File.WriteAllText(temp, document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n");
            File.Move(temp, path, overwrite: true);
        }
    }

    /// <summary>The files a trial's config holds: the trading processes' strategy.json and router.json, and any other file the space sets.</summary>
    public static IReadOnlyList<string> Files(TuneSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return ["router.json", "strategy.json", .. space.Parameters.Select(p => p.Target?.File).OfType<string>()
            .Where(f => f is not ("router.json" or "strategy.json")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static void Set(JsonNode document, string key, double value, bool isInt, string parameter)
    {
        var parts = key.Split('.');
        var node = document;
        foreach (var part in parts[..^1])
        {
            node = node[part] ?? throw new TuneException($"parameter '{parameter}': no key '{key}' in its config file; give an existing dotted key path");
        }

        if (node is not JsonObject parent || !parent.ContainsKey(parts[^1]))
        {
            throw new TuneException($"parameter '{parameter}': no key '{key}' in its config file; give an existing dotted key path");
        }

        parent[parts[^1]] = isInt
            ? JsonValue.Create((long)Math.Round(value, MidpointRounding.AwayFromZero))
            : JsonValue.Create(double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    /// <summary>The leaves that differ between two config folders: <c>router.json trendEnter: 1 -> 1.37</c>, one per line.</summary>
    public static IReadOnlyList<string> Diff(string fromDirectory, string toDirectory)
    {
        var lines = new List<string>();
        foreach (var path in Directory.GetFiles(toDirectory, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var before = File.Exists(Path.Combine(fromDirectory, name)) ? Leaves(JsonNode.Parse(File.ReadAllText(Path.Combine(fromDirectory, name)))) : [];
            var after = Leaves(JsonNode.Parse(File.ReadAllText(path)));
            foreach (var (key, value) in after)
            {
                before.TryGetValue(key, out var old);
                if (!string.Equals(old, value, StringComparison.Ordinal))
                {
                    lines.Add($"{name} {key}: {old ?? "(none)"} -> {value}");
                }
            }
        }

        return lines;
    }

    private static Dictionary<string, string> Leaves(JsonNode? node)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? n, string prefix)
        {
            if (n is JsonObject o)
            {
                foreach (var (k, v) in o)
                {
                    Walk(v, prefix.Length == 0 ? k : prefix + "." + k);
                }
            }
            else
            {
                leaves[prefix] = n?.ToJsonString() ?? "null";
            }
        }

        Walk(node, "");
        return leaves;
    }
}
