namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>
/// scripts/install-cron.sh with a stand-in <c>crontab</c> first on PATH that keeps the table in a file
/// (<c>-l</c> lists or says "no crontab for USER", <c>-</c> replaces from stdin), so the host's real crontab is never touched.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallCronTests : IDisposable
{
    private const string FakeCrontab = """
        #!/usr/bin/env bash
        set -euo pipefail
        if [[ -n ${FAKE_CRONTAB_BROKEN:-} ]]; then echo "crontab: cannot open /var/spool/cron: Permission denied" >&2; exit 1; fi
        case ${1:-} in
          -l) if [[ -f $FAKE_CRONTAB_FILE ]]; then cat "$FAKE_CRONTAB_FILE"; else echo "no crontab for $(id -un)" >&2; exit 1; fi ;;
          -) cat >"$FAKE_CRONTAB_FILE" ;;
          *) echo "fake crontab: unsupported arguments $*" >&2; exit 2 ;;
        esac

        """;

    private static readonly string Script = RepositoryRoot.Combine("scripts", "install-cron.sh");
    private static readonly string[] ReportJobs = File.ReadAllLines(RepositoryRoot.Combine("deploy", "crontab"));

    private readonly TempDirectory _dir = new("install-cron");

    public InstallCronTests()
    {
        Directory.CreateDirectory(_dir.Combine("bin"));
        File.WriteAllText(_dir.Combine("bin", "crontab"), FakeCrontab);
        File.SetUnixFileMode(_dir.Combine("bin", "crontab"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string Table => _dir.Combine("table");

    [Fact]
    public void DeployCrontab_File_HoldsExactlyTheTwoReportJobs()
    {
        Assert.Equal(
            [
                "0 */12 * * *  docker exec trading-core python scripts/report_pnl.py >> /var/log/paper_pnl.log 2>&1",
                "0 */12 * * *  docker exec trading-core python scripts/report_mem.py >> /var/log/mem.log 2>&1",
            ],
            ReportJobs);
    }

    [Fact]
    public async Task Install_NoCrontabYet_InstallsBothJobs()
    {
        var result = await InstallAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ReportJobs, await File.ReadAllLinesAsync(Table));
    }

    [Fact]
    public async Task Install_RunTwice_SecondRunAddsNothing()
    {
        await InstallAsync();
        var before = await File.ReadAllTextAsync(Table);

        var second = await InstallAsync();

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already installed", second.StandardOutput);
        Assert.Equal(before, await File.ReadAllTextAsync(Table));
    }

    [Fact]
    public async Task Install_OtherEntriesAndOneJobWithOtherSpacing_KeepsThemAndAddsOnlyTheMissingJob()
    {
        string[] existing =
        [
            "MAILTO=ops@example.com",
            "# nightly backup",
            "30 2 * * * /usr/local/bin/backup.sh",
            "0 */12 * * * docker exec trading-core python scripts/report_pnl.py >> /var/log/paper_pnl.log 2>&1",
        ];
        await File.WriteAllLinesAsync(Table, existing);

        var result = await InstallAsync();

        string[] expected = [.. existing, ReportJobs[1]];
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, await File.ReadAllLinesAsync(Table));
    }

    [Fact]
    public async Task Install_CrontabListFails_ExitsNonZeroAndLeavesTableUntouched()
    {
        await File.WriteAllTextAsync(Table, "30 2 * * * /usr/local/bin/backup.sh\n");

        var result = await InstallAsync(broken: true);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("install-cron: 'crontab -l' failed: crontab: cannot open /var/spool/cron: Permission denied", result.StandardError.Trim());
        Assert.Equal("30 2 * * * /usr/local/bin/backup.sh\n", await File.ReadAllTextAsync(Table));
    }

    public void Dispose() => _dir.Dispose();

    private Task<CommandResult> InstallAsync(bool broken = false) =>
        CommandRunner.RunAsync("bash", [Script], new Dictionary<string, string>
        {
            ["PATH"] = $"{_dir.Combine("bin")}:{Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_CRONTAB_FILE"] = Table,
            ["FAKE_CRONTAB_BROKEN"] = broken ? "1" : "",
        });
}
