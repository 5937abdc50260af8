using System.Reflection;

namespace EdgeRisk.Trading.Host.Metrics;

/// <summary>
/// What <c>edgerisk_build_info</c> exports: the version (the assembly's informational version without its
/// <c>+metadata</c> suffix), the commit (the <c>SourceRevisionId</c> assembly metadata set at build time, else "unknown")
/// and the hash of the configuration loaded (<c>--config</c>), "unknown" before one is.
/// </summary>
public sealed record BuildInfo(string Version, string Commit, string ConfigHash = BuildInfo.Unknown)
{
    public const string Unknown = "unknown";

    public static BuildInfo Current { get; } = Of(typeof(BuildInfo).Assembly);

    public static BuildInfo Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational?.Split('+')[0];
        var commit = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceRevisionId")?.Value;
        return new BuildInfo(
            string.IsNullOrWhiteSpace(version) ? Unknown : version,
            string.IsNullOrWhiteSpace(commit) ? Unknown : commit);
    }
}
