using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Build;

public interface IClean : INukeBuild
{
    private static readonly string[] SourceFolders = ["src", "tests", "benchmarks", "build"];

    Target Clean => _ => _
        .Description("Deletes bin/, obj/ and artifacts/ (except the running build's own build/bin and build/obj)")
        .Before<IRestore>(x => x.Restore)
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
}
