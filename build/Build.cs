using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;

namespace EdgeRisk.Build;

/// <summary>The EdgeRisk build. Targets live in one partial file per concern (Build.Compile.cs, Build.Test.cs, ...).</summary>
public sealed partial class Build : NukeBuild
{
    public static int Main() => Execute<Build>(x => x.Test);

    [Parameter("Build configuration: Debug or Release")]
    public string Configuration { get; set; } = "Debug";

    [Parameter("Solution file, relative to the repository root")]
    public string Solution { get; set; } = "EdgeRisk.sln";

    AbsolutePath SolutionFile => RootDirectory / Solution;
}
