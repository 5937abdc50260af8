using EdgeRisk.Nuke;
using EdgeRisk.Nuke.Tooling;

namespace EdgeRisk.Build;

// Set-up: the system packages of scripts/install-deps.sh (services, Docker engine, registry, image and AOT tools),
// installed by the targets that need them so that the README's two commands work on a fresh machine.
partial class Build
{
    /// <summary>Exit code of scripts/install-deps.sh when packages are missing and nothing here may install them.</summary>
    const int CannotInstallExitCode = 2;

    Target InstallDeps => _ => _
        .Description("Installs the missing system packages of scripts/install-deps.sh (as root or with non-interactive sudo), " +
            "saying which; otherwise one line naming the command to run (exit 2). One dpkg query when all are present")
        .DependentFor<ITest>(x => x.Test)
        .Executes(async () =>
        {
            var script = RootDirectory / "scripts" / "install-deps.sh";
            using var check = ProcessTasks.StartProcess("bash", $"\"{script}\" --check", RootDirectory, logOutput: false);
            await check.WaitForExitAsync();
            if (check.ExitCode == 0)
            {
                Log.Debug("System packages: all present");
                return;
            }

            using var install = ProcessTasks.StartProcess("bash", $"\"{script}\"", RootDirectory, timeout: TimeSpan.FromMinutes(30));
            await install.WaitForExitAsync();
            var lastError = install.Output.Where(o => o.Type == OutputType.Err).Select(o => o.Text).LastOrDefault();
            switch (install.ExitCode)
            {
                case 0:
                    return;
                case CannotInstallExitCode:
                    throw new BuildConfigurationException(lastError ?? "System packages are missing: run 'sudo bash scripts/install-deps.sh'.");
                default:
                    throw new InvalidOperationException(
                        $"scripts/install-deps.sh failed (exit {install.ExitCode}){(lastError is null ? string.Empty : $": {lastError}")}; run 'sudo bash scripts/install-deps.sh' to see its full output.");
            }
        });
}
