using EdgeRisk.Nuke;

namespace EdgeRisk.Build;

// Runbook §4: the 12-hourly reports in cron (make install-cron).
partial class Build
{
    Target InstallCron => _ => _
        .Description("§4: installs deploy/crontab (12-hourly PnL and memory reports) into the user's crontab, idempotently")
        .DependsOn(InstallDeps)
        .Executes(() => EdgeRisk.Nuke.Tooling.ProcessTasks.StartProcess("bash", $"\"{RootDirectory / "scripts" / "install-cron.sh"}\"", RootDirectory).AssertZeroExitCode());
}
