using System.Text.Json;

namespace EdgeRisk.Trading.Routing;

/// <summary>Reads and validates <c>router.json</c>; any problem becomes a one-line <see cref="RouterConfigException"/>.</summary>
public static class RouterConfigLoader
{
    public static RouterConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new RouterConfigException($"{path}: router config file not found; pass an existing file (e.g. config/router.json)");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static RouterConfig Parse(string json, string source)
    {
        RouterConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(json, RoutingJsonContext.Default.RouterConfig);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
            throw new RouterConfigException($"{source}: invalid router config{where}: {FirstLine(ex.Message)}", ex);
        }

        if (config is null)
        {
            throw new RouterConfigException($"{source}: router config is empty (expected a JSON object)");
        }

        RouterConfigValidator.ThrowIfInvalid(config, source);
        return config;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
