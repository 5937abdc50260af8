using System.Linq.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace EdgeRisk.Nuke.Tests;

internal sealed record BuildRun(BuildResult Result, string Output)
{
    public TargetStatus StatusOf(string target) => Result.Targets.Single(t => t.Name == target).Status;

    public IReadOnlyList<string> Order => [.. Result.Targets.Where(t => t.Status != TargetStatus.NotRun && t.Status != TargetStatus.Skipped).Select(t => t.Name)];
}

/// <summary>Runs a build in a temporary root with explicit arguments, environment and a frozen clock.</summary>
internal static class BuildHarness
{
    public static async Task<BuildRun> RunAsync<T>(T build, TempRoot root, string[] args,
        Dictionary<string, string>? environment = null, Expression<Func<T, Target>>? defaultTarget = null, string? code = null,
        BuildInterruption? interruption = null, bool color = false)
        where T : NukeBuild
    {
        using var output = new StringWriter();
        var options = new BuildOptions
        {
            RootDirectory = root.Path,
            Output = output,
            EnvironmentVariables = environment ?? [],
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            CodeFingerprint = code ?? "code-v1",
            Interruption = interruption,
            UseColor = color,
        };
        var result = await NukeBuild.RunAsync(build, args, options, defaultTarget);
        return new BuildRun(result, output.ToString());
    }
}
