using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;

namespace EdgeRisk.Build;

partial class Build
{
    [Parameter("BenchmarkDotNet filter for the Benchmark target, e.g. *Ledger*")]
    public string BenchmarkFilter { get; set; } = "*";

    AbsolutePath BenchmarkProject => RootDirectory / "benchmarks" / "EdgeRisk.Benchmarks" / "EdgeRisk.Benchmarks.csproj";

    AbsolutePath BenchmarkArtifactsDirectory => ArtifactsDirectory / "benchmarks";

    Target Benchmark => _ => _
        .Description("Runs benchmarks/EdgeRisk.Benchmarks in Release (--benchmark-filter) and copies the GitHub reports to docs/benchmarks/")
        .Sequential()
        .Requires(() => BenchmarkFilter, filter => NotEmptyProblem(filter, "*Ledger*"))
        .Executes(() =>
        {
            BenchmarkArtifactsDirectory.DeleteDirectory();
            DotNet($"run -c Release --project \"{BenchmarkProject}\" -- --filter \"{BenchmarkFilter}\" --exporters github --artifacts \"{BenchmarkArtifactsDirectory}\"");
            var reports = BenchmarkArtifactsDirectory.GlobFiles("results/*-report-github.md");
            if (reports.Count == 0)
            {
                throw new InvalidOperationException($"No benchmark matched filter '{BenchmarkFilter}': no *-report-github.md was produced.");
            }

            var destination = (RootDirectory / "docs" / "benchmarks").CreateDirectory();
            foreach (var report in reports)
            {
                (destination / report.Name).WriteAllText(report.ReadAllText());
                Log.Information($"Copied {RootDirectory.GetUnixRelativePathTo(destination / report.Name)}");
            }
        });
}
