using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Composition;

/// <summary>Reads and validates <c>router.json</c>; any problem becomes a one-line <see cref="RouterConfigException"/>.</summary>
public static class RouterConfigLoader
{
    public static RouterConfig Load(string path) => Parse(ConfigFile.Read(path, "router", "config/router.json"), path);

    public static RouterConfig Parse(string json, string source)
    {
        var config = ConfigFile.Deserialize(json, ConfigJsonContext.Default.RouterConfig, source, "router");
        RouterConfigValidator.ThrowIfInvalid(config, source);
        return config;
    }
}
