namespace EdgeRisk.Nuke.Tests;

/// <summary>
/// build.sh's freshness check, with a stand-in dotnet (DOTNET_EXE) that records "build" and "run": a listing of the
/// build's files (size, modification time) decides first, their content hash when the listing differs.
/// </summary>
public sealed class BootstrapperFreshnessTests
{
    [Fact]
    public void BuildSh_NothingChanged_RunsWithoutHashing()
    {
        using var layout = new Layout();
        layout.Run();

        layout.Run(hashingFails: true);

        Assert.Equal(1, layout.Builds);
        Assert.Equal(2, layout.Runs);
    }

    [Fact]
    public void BuildSh_SourcesTouched_DoesNotRebuild()
    {
        using var layout = new Layout();
        layout.Run();

        foreach (var file in new[] { "build/Build.cs", "lib/A.cs", "lib/Lib.csproj", "global.json" })
        {
            File.SetLastWriteTimeUtc(layout.Root.Path / file, DateTime.UtcNow.AddHours(1));
        }

        layout.Run();
        layout.Run(hashingFails: true);

        Assert.Equal(1, layout.Builds);
    }

    [Theory]
    [InlineData("build/Build.cs")]
    [InlineData("lib/A.cs")]
    [InlineData("lib/Lib.csproj")]
    [InlineData("Directory.Build.props")]
    public void BuildSh_SourceEdited_Rebuilds(string file)
    {
        using var layout = new Layout();
        layout.Run();

        var path = layout.Root.Path / file;
        var written = File.GetLastWriteTimeUtc(path);
        path.WriteAllText(path.ReadAllText().Replace("v1", "v2", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written.AddSeconds(1));

        layout.Run();

        Assert.Equal(2, layout.Builds);
    }

    [Fact]
    public void BuildSh_FileAddedWithOldTimestamp_Rebuilds()
    {
        using var layout = new Layout();
        layout.Run();

        layout.Root.Write("lib/B.cs", "class B { }\n");
        File.SetLastWriteTimeUtc(layout.Root.Path / "lib" / "B.cs", new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        layout.Run();

        Assert.Equal(2, layout.Builds);
    }

    [Fact]
    public void BuildSh_FileDeleted_Rebuilds()
    {
        using var layout = new Layout();
        layout.Root.Write("lib/B.cs", "class B { }\n");
        layout.Run();

        (layout.Root.Path / "lib" / "B.cs").DeleteFile();
        layout.Run();

        Assert.Equal(2, layout.Builds);
    }

    [Fact]
    public void BuildSh_FilesUnderObjChanged_DoesNotRebuild()
    {
        using var layout = new Layout();
        layout.Run();

        layout.Root.Write("lib/obj/Generated.cs", "class Generated { }\n");
        layout.Run(hashingFails: true);

        Assert.Equal(1, layout.Builds);
    }

    [Fact]
    public void BuildSh_ProjectReferenceAdded_WatchesTheNewProject()
    {
        using var layout = new Layout();
        layout.Run();

        layout.Root.Write("lib2/Lib2.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        layout.Root.Write("lib2/C.cs", "class C { }\n");
        layout.Root.Write("lib/Lib.csproj", Layout.Project("../lib2/Lib2.csproj"));
        layout.Run();
        layout.Root.Write("lib2/C.cs", "class C { int x; }\n");
        layout.Run();

        Assert.Equal(3, layout.Builds);
    }

    /// <summary>A tiny repository: build/ referencing lib/, a stand-in dotnet and a sha256sum that can be made to fail.</summary>
    private sealed class Layout : IDisposable
    {
        private readonly TempRoot tools = new();

        public Layout()
        {
            File.Copy(RepositoryRoot.Combine("build.sh"), Root.Path / "build.sh");
            Root.Write("global.json", "{ \"sdk\": { \"version\": \"10.0.100\" } }\n");
            Root.Write("Directory.Build.props", "<Project><!-- v1 --></Project>\n");
            Root.Write("build/_build.csproj", Project("../lib/Lib.csproj"));
            Root.Write("build/Build.cs", "class Build { string V => \"v1\"; }\n");
            Root.Write("lib/Lib.csproj", Project(null));
            Root.Write("lib/A.cs", "class A { string V => \"v1\"; }\n");
            tools.Write("dotnet", """
                #!/usr/bin/env bash
                case "$1" in
                  --version) echo 10.0.100 ;;
                  build) echo build >> dotnet-calls; mkdir -p build/bin; echo dll > build/bin/_build.dll ;;
                  *) echo run >> dotnet-calls ;;
                esac
                """);
            tools.Write("failing/sha256sum", "#!/usr/bin/env bash\necho 'sha256sum called' >&2\nexit 1\n");
            foreach (var script in new[] { tools.Path / "dotnet", tools.Path / "failing" / "sha256sum" })
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
        }

        public TempRoot Root { get; } = new();

        public int Builds => Calls("build");

        public int Runs => Calls("run");

        public static string Project(string? reference) => reference is null
            ? "<Project Sdk=\"Microsoft.NET.Sdk\"><!-- v1 --></Project>\n"
            : $"<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"{reference}\" /></ItemGroup></Project>\n";

        /// <summary>Runs build.sh; with <paramref name="hashingFails"/> any use of sha256sum fails the run.</summary>
        public void Run(bool hashingFails = false)
        {
            var environment = new Dictionary<string, string> { ["DOTNET_EXE"] = tools.Path / "dotnet" };
            if (hashingFails)
            {
                environment["PATH"] = $"{tools.Path / "failing"}:{Environment.GetEnvironmentVariable("PATH")}";
            }

            var run = ProcessRunner.RunAsync(new ProcessOptions
            {
                FileName = "bash",
                Arguments = ["build.sh", "--help"],
                WorkingDirectory = Root.Path,
                Environment = environment,
                Timeout = TimeSpan.FromMinutes(2),
            }).GetAwaiter().GetResult();
            Assert.True(run.ExitCode == 0, $"build.sh failed (exit {run.ExitCode}): {run.StandardError}");
        }

        public void Dispose()
        {
            Root.Dispose();
            tools.Dispose();
        }

        private int Calls(string kind)
        {
            var file = Root.Path / "dotnet-calls";
            return file.FileExists() ? file.ReadAllText().Split('\n').Count(line => line == kind) : 0;
        }
    }
}
