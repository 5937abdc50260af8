using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Nuke.Tooling;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;

namespace EdgeRisk.Build;

/// <summary>
/// Runs the test projects after <see cref="ICompile.Compile"/>. A build adds what its tests need with
/// <c>.DependentFor&lt;ITest&gt;(x =&gt; x.Test)</c> (EdgeRisk: InstallDeps, the system packages).
/// </summary>
public interface ITest : ICompile
{
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    Target Test => _ => _
        .Description("Runs every tests/*.Tests project (in parallel with --parallel) and totals the TRX results")
        .DependsOn(Compile)
        .Requires(() => Configuration, ConfigurationProblem)
        .Executes(async () =>
        {
            var projects = RootDirectory.GlobFiles("tests/*/*.Tests.csproj");
            if (projects.Count == 0)
            {
                throw new InvalidOperationException("No test projects (tests/*/*.Tests.csproj) found.");
            }

            TestResultsDirectory.DeleteDirectory();
            TestResultsDirectory.CreateDirectory();
            var exitCodes = new List<(string Project, int ExitCode)>();
            await Parallel.ForEachAsync(
                projects,
                new ParallelOptions { MaxDegreeOfParallelism = MaxParallelism },
                async (project, cancellationToken) =>
                {
                    var name = Path.GetFileNameWithoutExtension(project);
                    using var process = StartDotNet(
                        $"test \"{project}\" -c {Configuration} --no-build --nologo " +
                        $"--logger \"trx;LogFileName={name}.trx\" --results-directory \"{TestResultsDirectory}\"");
                    await process.WaitForExitAsync(cancellationToken);
                    lock (exitCodes)
                    {
                        exitCodes.Add((name, process.ExitCode));
                    }
                });

            var reports = projects.Select(p => TestResultsDirectory / $"{Path.GetFileNameWithoutExtension(p)}.trx").ToList();
            var missing = reports.Where(r => !r.FileExists()).Select(r => r.Name).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"Test results missing ({string.Join(", ", missing)}): those test runs did not complete.");
            }

            var summary = TrxSummary.Read(reports);
            Log.Information(summary.ToString());
            var failedRuns = exitCodes.Where(x => x.ExitCode != 0).Select(x => x.Project).Order(StringComparer.Ordinal).ToList();
            if (summary.Failed > 0 || failedRuns.Count > 0)
            {
                throw new InvalidOperationException($"Tests failed: {summary} (failing runs: {string.Join(", ", failedRuns)}).");
            }
        });
}
