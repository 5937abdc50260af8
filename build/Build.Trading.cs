using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;
using static EdgeRisk.Nuke.Tooling.ProcessTasks;

namespace EdgeRisk.Build;

// The trading host's own builds: the Release (JIT) build SimStats, Backtest and Tune run, and the Native AOT publish
// the benchmarks measure; both skipped when the trading sources are unchanged.
partial class Build
{
    // The trading host and what it compiles in (EdgeRisk.Processes holds the DurationText it parses with).
    static readonly string[] TradingProjects = ["EdgeRisk.Trading", "EdgeRisk.Trading.Host", "EdgeRisk.Processes"];

    AbsolutePath TradingPublishDirectory => ArtifactsDirectory / "publish" / "edgerisk-trading";

    Target PublishTrading => _ => _
        .Description("Publishes edgerisk-trading as a Native AOT executable (linux-x64) to artifacts/publish/edgerisk-trading/")
        .DependsOn(InstallDeps)
        .After<ICompile>(x => x.Restore, x => x.Compile)
        .Inputs([.. TradingSources, "Directory.Build.props", "Directory.Packages.props", "global.json"])
        .Outputs("artifacts/publish/edgerisk-trading")
        // Its own --artifacts-path keeps the RID-specific restore and Release objects away from src/*/obj, which the
        // solution's Debug build (and a parallel Compile) owns.
        .Executes(() => DotNet(
            $"publish \"{RootDirectory / "src" / "EdgeRisk.Trading.Host" / "EdgeRisk.Trading.Host.csproj"}\" -c Release -r linux-x64 " +
            $"-p:PublishAot=true -p:DebugType=none -p:DebugSymbols=false --artifacts-path \"{ArtifactsDirectory / "publish-obj"}\" " +
            $"-o \"{TradingPublishDirectory}\" -nologo -clp:NoSummary"));

    /// <summary>The Release build of edgerisk-trading that SimStats and Backtest run (the JIT build: no native toolchain).</summary>
    AbsolutePath TradingReleaseDirectory => ArtifactsDirectory / "trading";

    Target CompileTrading => _ => _
        .Description("Release build of edgerisk-trading (JIT, no native toolchain) to artifacts/trading/, what SimStats and Backtest run; skipped without dotnet when its sources are unchanged")
        .Inputs([.. TradingSources, "Directory.Build.props", "Directory.Packages.props", "global.json"])
        .Outputs("artifacts/trading")
        // Its own --artifacts-path keeps the Release restore and objects away from src/*/obj, which the solution's
        // Debug build (and a parallel Compile) owns.
        .Executes(() => DotNet(
            $"build \"{RootDirectory / "src" / "EdgeRisk.Trading.Host" / "EdgeRisk.Trading.Host.csproj"}\" -c Release " +
            $"--artifacts-path \"{ArtifactsDirectory / "trading-obj"}\" -o \"{TradingReleaseDirectory}\" -nologo -clp:NoSummary"));

    /// <summary>
    /// Sources and project files of the trading core and host (and the shared EdgeRisk.Processes), without bin/ and obj/: files generated there by any
    /// build (Debug, Release, the publish) must not make the targets look out of date.
    /// </summary>
    string[] TradingSources =>
    [
        .. TradingProjects.Where(project => (RootDirectory / "src" / project).DirectoryExists()).SelectMany(project =>
            Directory.GetDirectories(RootDirectory / "src" / project)
                .Select(Path.GetFileName)
                .Where(name => name is not ("bin" or "obj"))
                .Select(name => $"src/{project}/{name}/**/*.cs")
                .Concat([$"src/{project}/*.cs", $"src/{project}/*.csproj"])),
    ];

    void RunTrading(params object[] arguments)
    {
        var text = string.Join(' ', arguments.Select(a => $"\"{a}\""));
        // The compiled Release assembly on the dotnet host, not `dotnet run`: no project evaluation, no build check.
        using var process = StartProcess("dotnet", $"\"{TradingReleaseDirectory / "edgerisk-trading.dll"}\" {text}", RootDirectory);
        process.AssertZeroExitCode();
    }
}
