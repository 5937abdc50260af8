using System.Globalization;
using System.Text.Json;

namespace EdgeRisk.Tuning.SearchSpace;

/// <summary>
/// Reads a search-space file (config/tune-space.json):
/// <c>{"parameters": [{"name", "file", "key", "min", "max", "log"?, "int"?, "complementKey"?}]}</c>.
/// Every error is one <see cref="TuneSpaceException"/> line naming the file, the parameter and the fix.
/// </summary>
public static class TuneSpaceLoader
{
    private static readonly string[] TopKeys = ["parameters"];
    private static readonly string[] ParameterKeys = ["name", "file", "key", "min", "max", "log", "int", "complementKey"];

    /// <summary>Loads and validates <paramref name="path"/>; with <paramref name="configDirectory"/>, also checks that every
    /// target file exists there and holds a number at the key path.</summary>
    public static TuneSpace Load(string path, string? configDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new TuneSpaceException($"{path}: search-space file not found; pass an existing file (e.g. config/tune-space.json)");
        }

        var space = Parse(File.ReadAllText(path), path);
        if (configDirectory is not null)
        {
            CheckTargets(space, path, configDirectory);
        }

        return space;
    }

    /// <summary>Parses a search space from JSON text; <paramref name="source"/> names it in errors.</summary>
    public static TuneSpace Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new TuneSpaceException($"{source}: not valid JSON (line {e.LineNumber + 1}): fix the syntax", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TuneSpaceException($"{source}: expected an object {{\"parameters\": [...]}}");
            }

            CheckKeys(root, TopKeys, source, "the top level");
            if (!root.TryGetProperty("parameters", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new TuneSpaceException($"{source}: \"parameters\" must be an array of parameters");
            }

            var specs = new List<ParameterSpec>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                specs.Add(ReadParameter(item, source, index++));
            }

            try
            {
                return new TuneSpace(specs);
            }
            catch (TuneSpaceException e)
            {
                throw new TuneSpaceException($"{source}: {e.Message}", e);
            }
        }
    }

    private static ParameterSpec ReadParameter(JsonElement item, string source, int index)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"parameter #{index + 1}");
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new TuneSpaceException($"{source}: {at} must be an object with name, file, key, min, max");
        }

        var name = String(item, "name", source, at) ?? throw new TuneSpaceException($"{source}: {at} has no \"name\": give it a unique name");
        at = $"parameter '{name}'";
        CheckKeys(item, ParameterKeys, source, at);
        var file = String(item, "file", source, at) ?? throw new TuneSpaceException($"{source}: {at} has no \"file\": name the config file it sets (e.g. router.json)");
        if (file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || !file.EndsWith(".json", StringComparison.Ordinal))
        {
            throw new TuneSpaceException($"{source}: {at}: \"file\" must be a .json file name in config/ (e.g. router.json), got '{file}'");
        }

        var key = String(item, "key", source, at) ?? throw new TuneSpaceException($"{source}: {at} has no \"key\": give the JSON key path it sets (e.g. dualHorizon.edgeScaleBps)");
        var complement = String(item, "complementKey", source, at);
        var min = Number(item, "min", source, at);
        var max = Number(item, "max", source, at);
        var log = Bool(item, "log", source, at);
        var isInt = Bool(item, "int", source, at);
        var spec = new ParameterSpec(name, min, max, log, isInt, new ConfigTarget(file, key, complement));
        if (complement is not null && (min < 0d || max > 1d))
        {
            throw new TuneSpaceException($"{source}: {at}: complementKey sets 1 - value, so min and max must be in [0, 1]");
        }

        if (spec.Problem() is { } problem)
        {
            throw new TuneSpaceException($"{source}: {problem}");
        }

        return spec;
    }

    private static void CheckKeys(JsonElement element, string[] known, string source, string at)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw new TuneSpaceException($"{source}: {at}: unknown key '{property.Name}'; valid keys: {string.Join(", ", known)}");
            }
        }
    }

    private static string? String(JsonElement item, string key, string source, string at)
    {
        if (!item.TryGetProperty(key, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new TuneSpaceException($"{source}: {at}: \"{key}\" must be a non-empty string");
        }

        return value.GetString();
    }

    private static double Number(JsonElement item, string key, string source, string at)
    {
        if (!item.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            throw new TuneSpaceException($"{source}: {at}: \"{key}\" must be a number");
        }

        return value.GetDouble();
    }

    private static bool Bool(JsonElement item, string key, string source, string at)
    {
        if (!item.TryGetProperty(key, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new TuneSpaceException($"{source}: {at}: \"{key}\" must be true or false"),
        };
    }

    private static void CheckTargets(TuneSpace space, string source, string configDirectory)
    {
        var documents = new Dictionary<string, JsonDocument>(StringComparer.Ordinal);
        try
        {
            foreach (var p in space.Parameters)
            {
                var target = p.Target!;
                if (!documents.TryGetValue(target.File, out var document))
                {
                    var file = Path.Combine(configDirectory, target.File);
                    if (!File.Exists(file))
                    {
                        throw new TuneSpaceException($"{source}: parameter '{p.Name}': config file '{target.File}' not found in {configDirectory}; name an existing config file");
                    }

                    document = JsonDocument.Parse(File.ReadAllText(file));
                    documents[target.File] = document;
                }

                foreach (var key in new[] { target.Key, target.ComplementKey })
                {
                    if (key is not null && !HasNumber(document.RootElement, key))
                    {
                        throw new TuneSpaceException($"{source}: parameter '{p.Name}': {target.File} has no number at '{key}'; give an existing key path (dotted, e.g. dualHorizon.edgeScaleBps)");
                    }
                }
            }
        }
        finally
        {
            foreach (var document in documents.Values)
            {
                document.Dispose();
            }
        }
    }

    private static bool HasNumber(JsonElement root, string path)
    {
        var element = root;
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                return false;
            }
        }

        return element.ValueKind == JsonValueKind.Number;
    }
}
