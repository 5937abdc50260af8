using EdgeRisk.Nuke;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;

namespace EdgeRisk.Build;

public interface IRestore : IHazSolution
{
    Target Restore => _ => _
        .Description("Restores NuGet packages of the solution")
        .Requires(() => Solution, SolutionProblem)
        .Executes(() => DotNet($"restore \"{SolutionFile}\""));
}
