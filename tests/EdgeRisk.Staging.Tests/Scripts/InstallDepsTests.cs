namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>
/// scripts/install-deps.sh — what the build's InstallDeps target runs before the targets that need system packages —
/// with stand-ins first on PATH: <c>dpkg-query</c> answers from a list of installed packages, <c>id</c> says who runs it,
/// <c>sudo</c> allows or refuses non-interactive use, and <c>apt-get</c> records its calls, so the host's packages are
/// never touched.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallDepsTests : IDisposable
{
    private static readonly string Script = RepositoryRoot.Combine("scripts", "install-deps.sh");

    private readonly TempDirectory _dir = new("install-deps");

    public InstallDepsTests()
    {
        Directory.CreateDirectory(_dir.Combine("bin"));
        // Installed packages are the lines of FAKE_INSTALLED; dpkg-query prints only those it is asked about.
        Stub("dpkg-query", """
            for p in "$@"; do case $p in -*) continue ;; esac
              grep -qxF "$p" "$FAKE_INSTALLED" && printf '%s ii \n' "$p"
            done
            exit 0
            """);
        Stub("id", """[[ ${1:-} == -u ]] && echo "$FAKE_UID" || /usr/bin/id "$@" """);
        Stub("sudo", """
            [[ ${FAKE_SUDO:-} == allowed ]] || { echo "sudo: a password is required" >&2; exit 1; }
            [[ $1 == -n ]] && shift
            "$@"
            """);
        Stub("apt-get", """echo "apt-get $*" >> "$FAKE_APT_LOG"; exit 0""");
        File.WriteAllLines(Installed, AllPackages());
    }

    private string Installed => _dir.Combine("installed");

    private string AptLog => _dir.Combine("apt.log");

    [Fact]
    public async Task Check_EverythingInstalled_ExitsZeroWithoutApt()
    {
        var result = await RunAsync(["--check"], uid: 1000);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.False(File.Exists(AptLog), "no apt call when everything is present");
    }

    [Fact]
    public async Task Check_TwoMissing_ListsThemAndExitsOne()
    {
        File.WriteAllLines(Installed, AllPackages().Where(p => p is not ("redis-server" or "docker-registry")));

        var result = await RunAsync(["--check"], uid: 1000);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("redis-server docker-registry", result.StandardOutput.Trim());
        Assert.False(File.Exists(AptLog));
    }

    [Fact]
    public async Task Install_MissingAsRoot_InstallsExactlyTheMissingPackagesAndSaysWhich()
    {
        File.WriteAllLines(Installed, AllPackages().Where(p => p != "prometheus-pushgateway"));

        var result = await RunAsync([], uid: 0);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("install-deps: installing prometheus-pushgateway", result.StandardOutput, StringComparison.Ordinal);
        var apt = File.ReadAllLines(AptLog);
        Assert.Equal("apt-get update -qq", apt[0]);
        Assert.Equal("apt-get install -y -qq --no-install-recommends prometheus-pushgateway", apt[1]);
    }

    [Fact]
    public async Task Install_MissingAsUserWithNonInteractiveSudo_InstallsThroughSudo()
    {
        File.WriteAllLines(Installed, AllPackages().Where(p => p != "redis-server"));

        var result = await RunAsync([], uid: 1000, sudo: true);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("apt-get install -y -qq --no-install-recommends redis-server", File.ReadAllText(AptLog), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_MissingAsUserWithoutSudo_OneLineNamingTheCommandExitTwoNothingInstalled()
    {
        File.WriteAllLines(Installed, AllPackages().Where(p => p is not ("redis-server" or "prometheus")));

        var result = await RunAsync([], uid: 1000, sudo: false);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("redis-server prometheus", line, StringComparison.Ordinal);
        Assert.Contains("run 'sudo bash scripts/install-deps.sh'", line, StringComparison.Ordinal);
        Assert.False(File.Exists(AptLog), "nothing may be installed half-way");
    }

    [Fact]
    public async Task Run_UnknownArgument_ExitsTwoNamingIt()
    {
        var result = await RunAsync(["--chek"], uid: 0);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--chek'", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>The script's own package list, read from its source so that the test follows it.</summary>
    private static IEnumerable<string> AllPackages()
    {
        var source = File.ReadAllText(Script);
        var start = source.IndexOf("packages=(", StringComparison.Ordinal) + "packages=(".Length;
        var end = source.IndexOf(')', start);
        return source[start..end].Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
    }

    private void Stub(string name, string body)
    {
        var path = _dir.Combine("bin", name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private Task<CommandResult> RunAsync(string[] arguments, int uid, bool sudo = false) =>
        CommandRunner.RunAsync("bash", [Script, .. arguments], new Dictionary<string, string>
        {
            // The stand-ins first, so the real dpkg-query, sudo and apt-get are never reached.
            ["PATH"] = $"{_dir.Combine("bin")}:/usr/bin:/bin",
            ["FAKE_INSTALLED"] = Installed,
            ["FAKE_APT_LOG"] = AptLog,
            ["FAKE_UID"] = uid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FAKE_SUDO"] = sudo ? "allowed" : "refused",
        });

    public void Dispose() => _dir.Dispose();
}
