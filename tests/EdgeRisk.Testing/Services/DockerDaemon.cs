using System.Net.Sockets;

namespace EdgeRisk.Testing.Services;

/// <summary>
/// A real, isolated Docker engine (Debian docker.io) for one test run: its own data root, exec root,
/// pid file and socket, started with host networking only (no iptables, no bridge). Clients reach it through
/// <see cref="DockerHost"/> (set as DOCKER_HOST for docker, docker-compose and Docker.DotNet).
/// </summary>
public sealed class DockerDaemon : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly ManagedProcess _process;

    private DockerDaemon(TempDirectory dir, ManagedProcess process)
    {
        _dir = dir;
        _process = process;
    }

    public string SocketPath => _dir.Combine("docker.sock");

    public string DockerHost => "unix://" + SocketPath;

    /// <summary>Environment for child processes (docker CLI, docker-compose) talking to this engine.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["DOCKER_HOST"] = DockerHost,
        ["DOCKER_BUILDKIT"] = "0",
        ["COMPOSE_DOCKER_CLI_BUILD"] = "0",
    };

    public static async Task<DockerDaemon> StartAsync()
    {
        // Short path: unix socket paths are limited to 108 bytes.
        var dir = new TempDirectory("dk");
        var process = ManagedProcess.Start("dockerd",
        [
            "--iptables=false", "--ip6tables=false", "--bridge=none", "--ip-forward=false", "--ip-masq=false",
            $"--data-root={dir.Combine("data")}",
            $"--exec-root={dir.Combine("exec")}",
            $"--pidfile={dir.Combine("docker.pid")}",
            $"--host=unix://{dir.Combine("docker.sock")}",
        ]);
        var daemon = new DockerDaemon(dir, process);
        await process.WaitUntilAsync(daemon.PingAsync, TimeSpan.FromSeconds(60), "API ping answered");
        return daemon;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets dockerd stop its containers and shims; SIGKILL only if it hangs.
            using var term = System.Diagnostics.Process.Start("kill", ["-TERM", _process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!_process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }
        }

        await _process.DisposeAsync();
        using (var umount = System.Diagnostics.Process.Start("umount", ["-l", _dir.Combine("exec", "netns", "default")]))
        {
            await umount.WaitForExitAsync();
        }

        _dir.Dispose();
    }

    private async Task<bool> PingAsync()
    {
        if (!File.Exists(SocketPath))
        {
            return false;
        }

        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2) };
        var reply = await http.GetStringAsync(new Uri("http://docker/_ping"));
        return reply == "OK";
    }
}
