using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Extensions.Time.Testing;

namespace EdgeRisk.Nuke.Tests;

internal sealed record BuildRun(BuildResult Result, string Output)
{
    public TargetStatus StatusOf(string target) => Result.Targets.Single(t => t.Name == target).Status;

    public IReadOnlyList<string> Order => [.. Result.Targets.Where(t => t.Status != TargetStatus.NotRun && t.Status != TargetStatus.Skipped).Select(t => t.Name)];

    /// <summary>The run was refused before any target ran: exit code 2, no target in the summary and one line of output, which it returns.</summary>
    public string RefusalLine()
    {
        Assert.True(Result.ExitCode == 2, Output);
        Assert.Empty(Result.Targets);
        return Assert.Single(Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>Runs a build in a temporary root with explicit arguments, environment and a frozen clock.</summary>
internal static class BuildHarness
{
    /// <summary>Runs a build in a fresh temporary root, deleted afterwards: for runs judged by their result and output alone.</summary>
    public static async Task<BuildRun> RunAsync<T>(T build, string[] args, Dictionary<string, string>? environment = null,
        Expression<Func<T, Target>>? defaultTarget = null, bool color = false)
        where T : NukeBuild
    {
        using var root = new TempRoot();
        return await RunAsync(build, root, args, environment, defaultTarget, color: color);
    }

    /// <summary>
    /// Runs a new build of type <paramref name="build"/> (a test build with a parameterless constructor) in a fresh
    /// temporary root, as that type: the engine reads targets, parameters and components from the build's static type.
    /// </summary>
    public static Task<BuildRun> RunAsync(Type build, string[] args, Dictionary<string, string>? environment = null) =>
        (Task<BuildRun>)typeof(BuildHarness).GetMethod(nameof(RunNewAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(build).Invoke(null, [args, environment])!;

    private static Task<BuildRun> RunNewAsync<T>(string[] args, Dictionary<string, string>? environment)
        where T : NukeBuild, new() => RunAsync(new T(), args, environment);

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
