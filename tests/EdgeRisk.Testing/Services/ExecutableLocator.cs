namespace EdgeRisk.Testing.Services;

/// <summary>Finds a tool on PATH (and in /usr/sbin, where Debian puts some daemons) with an error that names the package to install.</summary>
public static class ExecutableLocator
{
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["redis-server"] = "redis-server",
        ["prometheus"] = "prometheus",
        ["promtool"] = "prometheus",
        ["prometheus-alertmanager"] = "prometheus-alertmanager",
        ["amtool"] = "prometheus-alertmanager",
        ["prometheus-pushgateway"] = "prometheus-pushgateway",
        ["dockerd"] = "docker.io",
        ["docker-compose"] = "docker-compose",
        ["debootstrap"] = "debootstrap",
        ["docker-registry"] = "docker-registry",
        ["munged"] = "munge",
        ["slurmctld"] = "slurm-wlm",
        ["slurmd"] = "slurm-wlm",
        ["sinfo"] = "slurm-wlm",
        ["squeue"] = "slurm-wlm",
        ["scontrol"] = "slurm-wlm",
        ["scancel"] = "slurm-wlm",
        ["sbatch"] = "slurm-wlm",
    };

    public static string Find(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return name;
        }

        var package = Packages.GetValueOrDefault(name, name);
        return Executable.Find(name) ?? throw new FileNotFoundException(
            $"'{name}' is not installed: run 'sudo bash scripts/install-deps.sh' (or apt-get install {package}).");
    }
}
