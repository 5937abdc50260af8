namespace EdgeRisk.Nuke.Tests;

public sealed class BootstrapperTests
{
    [Fact]
    public void BuildSh_SourceEdited_RebuildsOnNextInvocationAndStaysWarmOtherwise()
    {
        using var root = new TempRoot();
        var repository = new AbsolutePath(RepositoryRoot.Path);
        File.Copy(repository / "build.sh", root.Path / "build.sh");
        File.Copy(repository / "global.json", root.Path / "global.json");
        root.Write("Directory.Build.props", "<Project><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        root.Write("build/_build.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <AssemblyName>_build</AssemblyName>
                <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath>
                <OutputPath>bin/</OutputPath>
              </PropertyGroup>
            </Project>
            """);
        root.Write("build/Build.cs", "System.Console.WriteLine(\"v1 \" + string.Join(' ', args));\n");

        Assert.Equal("v1 --help x", Run(root.Path, "--help x"));
        var dll = root.Path / "build" / "bin" / "_build.dll";
        var firstWrite = File.GetLastWriteTimeUtc(dll);

        Assert.Equal("v1 again", Run(root.Path, "again"));
        Assert.Equal(firstWrite, File.GetLastWriteTimeUtc(dll));

        root.Write("build/Build.cs", "System.Console.WriteLine(\"v2 \" + string.Join(' ', args));\n");
        Assert.Equal("v2 edited", Run(root.Path, "edited"));
    }

    private static string Run(AbsolutePath directory, string arguments)
    {
        var run = ProcessRunner.RunAsync(new ProcessOptions
        {
            FileName = "bash",
            Arguments = ["build.sh", .. arguments.Split(' ')],
            WorkingDirectory = directory,
            Timeout = TimeSpan.FromMinutes(2),
        }).GetAwaiter().GetResult();
        Assert.True(run.ExitCode == 0, $"build.sh failed: {run.StandardError}");
        return run.StandardOutput.Trim();
    }
}
