using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Composition;

/// <summary>
/// Reads one JSON config file of the config folder: a missing file, invalid JSON and an empty document each become a
/// one-line <see cref="RouterConfigException"/> naming the file (and, for invalid JSON, the path of the bad key).
/// </summary>
internal static class ConfigFile
{
    /// <summary>The text of <paramref name="path"/>; <paramref name="what"/> names the config, <paramref name="example"/> a file that exists.</summary>
    public static string Read(string path, string what, string example)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new RouterConfigException($"{path}: {what} config file not found; pass an existing file (e.g. {example})");
    }

    /// <summary>The document in <paramref name="json"/>, read from <paramref name="source"/>.</summary>
    public static T Deserialize<T>(string json, JsonTypeInfo<T> type, string source, string what)
        where T : class
    {
        T? config;
        try
        {
            config = JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
            var message = ex.Message.Split('\n')[0].TrimEnd('\r');
            throw new RouterConfigException($"{source}: invalid {what} config{where}: {message}", ex);
        }

        return config ?? throw new RouterConfigException($"{source}: {what} config is empty (expected a JSON object)");
    }
}
