using EdgeRisk.Nuke;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;

namespace EdgeRisk.Build;

public interface ICompile : IRestore, IHazConfiguration
{
    // Compile relies on MSBuild's own incremental build instead of Inputs/Outputs: it already skips unchanged projects.
    Target Compile => _ => _
        .Description("Builds the solution (--configuration Debug|Release)")
        .DependsOn(Restore)
        .Requires(() => Solution, SolutionProblem)
        .Requires(() => Configuration, ConfigurationProblem)
        .Executes(() => DotNet($"build \"{SolutionFile}\" --no-restore -c {Configuration} -nologo -clp:NoSummary"));
}
