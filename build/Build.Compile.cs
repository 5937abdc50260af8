using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;

namespace EdgeRisk.Build;

partial class Build
{
    static readonly string[] SourceFolders = ["src", "tests", "benchmarks", "build"];

    Target Clean => _ => _
        .Description("Deletes bin/, obj/ and artifacts/ (except the running build's own build/bin and build/obj)")
        .Before(Restore)
        .Executes(() =>
        {
            var running = new[] { RootDirectory / "build" / "bin", RootDirectory / "build" / "obj" };
            var directories = SourceFolders
                .SelectMany(folder => (RootDirectory / folder).GlobDirectories("**/bin", "**/obj"))
                .Where(d => !running.Any(r => r.Contains(d)) && !d.ToString().Contains("node_modules", StringComparison.Ordinal))
                .ToList();
            foreach (var directory in directories.Append(ArtifactsDirectory))
            {
                directory.DeleteDirectory();
            }

            Log.Information($"Deleted {directories.Count} bin/obj directories and artifacts/");
        });

    Target Restore => _ => _
        .Description("Restores NuGet packages of the solution")
        .Requires(() => Solution, SolutionProblem)
        .Executes(() => DotNet($"restore \"{SolutionFile}\""));

    // Compile relies on MSBuild's own incremental build instead of Inputs/Outputs: it already skips unchanged projects.
    Target Compile => _ => _
        .Description("Builds the solution (--configuration Debug|Release)")
        .DependsOn(Restore)
        .Requires(() => Solution, SolutionProblem)
        .Requires(() => Configuration, ConfigurationProblem)
        .Executes(() => DotNet($"build \"{SolutionFile}\" --no-restore -c {Configuration} -nologo -clp:NoSummary"));
}
