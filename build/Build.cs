using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Build;

/// <summary>
/// The EdgeRisk build. The reusable dotnet targets are components (Components/: IClean, IRestore, ICompile, ITest, with
/// the parameters they declare); the release targets live in one partial file per concern (Build.Stage.cs, ...).
/// </summary>
public sealed partial class Build : NukeBuild, IClean, IRestore, ICompile, ITest
{
    public static int Main() => Execute<Build>(x => ((ITest)x).Test);

    /// <summary>Value of <see cref="IHazConfiguration.Configuration"/> (--configuration).</summary>
    public string Configuration { get; set; } = "Debug";

    /// <summary>Value of <see cref="IHazSolution.Solution"/> (--solution).</summary>
    public string Solution { get; set; } = "EdgeRisk.sln";
}
