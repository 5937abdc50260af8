using EdgeRisk.Processes;
using EdgeRisk.Release.Images;

namespace EdgeRisk.Release.Staging;

// The image registry and the own Docker engine the local profile runs for BuildImages.
public sealed partial class LocalServices
{
    /// <summary>
    /// The image registry BuildImages pushes to and Promote verifies: Debian's docker-registry (CNCF Distribution) with its
    /// storage under the state directory, so pushed images survive StopServices. Docker allows plain HTTP on 127.0.0.0/8.
    /// Its port is fixed (image names carry it), so a taken one names EDGERISK_REGISTRY in the fix.
    /// </summary>
    private async Task<ServiceSpec> RegistrySpecAsync(int port, CancellationToken cancellationToken)
    {
        var registryDir = Path.Combine(_stateDirectory, "registry");
        var config = Path.Combine(registryDir, "config.yml");
        Directory.CreateDirectory(Path.Combine(registryDir, "data"));
        await File.WriteAllTextAsync(config + ".tmp", string.Join('\n',
            "version: 0.1",
            "log:",
            "  level: warn",
            "storage:",
            "  filesystem:",
            $"    rootdirectory: {Path.Combine(registryDir, "data")}",
            "  delete:",
            "    enabled: true",
            "http:",
            $"  addr: 127.0.0.1:{Text(port)}",
            ""), cancellationToken);
        File.Move(config + ".tmp", config, overwrite: true);
        var url = $"http://127.0.0.1:{Text(port)}";
        return new ServiceSpec("registry", "docker-registry", port, url, ["serve", config], () => HttpReadyAsync(url + "/v2/"),
            $"stop what listens there, or give the local registry a free port: set {Images.ImageRegistry.Variable}=127.0.0.1:<port> in .env or the environment");
    }

    /// <summary>The own Docker engine's address (DOCKER_HOST) when <paramref name="state"/> lists it running; else null.</summary>
    public static Uri? DockerHostOf(LocalServicesState? state) =>
        state?.Services.FirstOrDefault(s => s.Name == DockerService && IsRunning(s)) is { } docker ? new Uri(docker.Url) : null;

    /// <summary>The folder of the own Docker engine's socket, pid file and exec root: short, and one per state directory.</summary>
    private string DockerRuntimeDirectory =>
        Path.Combine(Path.GetTempPath(), "edgerisk-docker-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(_stateDirectory)))[..12]);

    /// <summary>
    /// An own Docker engine for the image builds (the local profile's "CI Docker build"): host networking only, no iptables
    /// or bridge, data root under the state directory so images and layers survive StopServices.
    /// </summary>
    private ServiceSpec DockerSpec()
    {
        var runtime = Directory.CreateDirectory(DockerRuntimeDirectory).FullName;
        var socket = Path.Combine(runtime, "docker.sock");
        var host = new Uri("unix://" + socket);
        return new ServiceSpec(DockerService, "dockerd", 0, host.AbsoluteUri,
            ["--iptables=false", "--ip6tables=false", "--bridge=none", "--ip-forward=false", "--ip-masq=false",
             $"--data-root={Path.Combine(_stateDirectory, "docker")}", $"--exec-root={Path.Combine(runtime, "exec")}",
             $"--pidfile={Path.Combine(runtime, "docker.pid")}", $"--host={host.AbsoluteUri}"],
            () => DockerEngine.AnswersAsync(host, TimeSpan.FromSeconds(2)));
    }

    /// <summary>After its engine stopped: the network namespace mount dockerd leaves behind (nothing else may hold it).</summary>
    private void ReleaseDockerRuntime()
    {
        var netns = Path.Combine(DockerRuntimeDirectory, "exec", "netns", "default");
        if (!File.Exists(netns))
        {
            return;
        }

        try
        {
            ProcessRunner.RunAsync(new ProcessOptions { FileName = "umount", Arguments = ["-l", netns], Timeout = TimeSpan.FromSeconds(10) })
                .GetAwaiter().GetResult();
        }
        catch (ProcessException)
        {
            // Best effort, as before: a mount that cannot be released leaves the mount, never the stop unfinished.
        }
    }
}
