using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Build;

/// <summary>The solution the dotnet components work on (--solution); the build class holds its value and default.</summary>
public interface IHazSolution : INukeBuild
{
    [Parameter("Solution file, relative to the repository root")]
    string Solution { get; }

    AbsolutePath SolutionFile => RootDirectory / Solution;

    /// <summary>Check of --solution: <c>.Requires(() =&gt; Solution, SolutionProblem)</c>.</summary>
    string? SolutionProblem(string solution) =>
        (RootDirectory / solution).FileExists() ? null : "is not a file under the repository root: pass a solution such as EdgeRisk.sln";
}
