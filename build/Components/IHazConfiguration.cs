using EdgeRisk.Nuke;

namespace EdgeRisk.Build;

/// <summary>The build configuration (--configuration Debug|Release); the build class holds its value and default.</summary>
public interface IHazConfiguration : INukeBuild
{
    private static readonly string[] Configurations = ["Debug", "Release"];

    [Parameter("Build configuration: Debug or Release")]
    string Configuration { get; }

    /// <summary>Check of --configuration for every target that uses it: <c>.Requires(() =&gt; Configuration, IHazConfiguration.ConfigurationProblem)</c>.</summary>
    static string? ConfigurationProblem(string configuration) =>
        Configurations.Contains(configuration, StringComparer.Ordinal) ? null : $"must be {string.Join(" or ", Configurations)}";
}
