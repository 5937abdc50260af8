using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using EdgeRisk.Processes;

namespace EdgeRisk.Release.Staging;

// Launching, watching and telling apart the services' processes: ports, readiness, logs, pids.
public sealed partial class LocalServices
{
    /// <summary>True when the pid is alive and still runs the recorded executable (a recycled pid is not ours).</summary>
    public static bool IsRunning(LocalServiceProcess service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var proc = $"/proc/{service.Pid.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            var stat = File.ReadAllText(proc + "/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            // /proc/PID/exe, not cmdline: redis-server rewrites its process title.
            var running = new FileInfo(proc + "/exe").LinkTarget?.Replace(" (deleted)", string.Empty, StringComparison.Ordinal);
            return state != "Z" && running is not null && running == Resolve(service.Executable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Resolve(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    /// <summary>Starts one service and records it in state.json beside <paramref name="others"/> as soon as it runs.</summary>
    private async Task<LocalServiceProcess> LaunchAsync(ServiceSpec spec, IReadOnlyList<LocalServiceProcess> others, CancellationToken cancellationToken)
    {
        var (name, tool, port, url, arguments, ready, portFix) = spec;
        var executable = Locate(tool);
        EnsurePortFree(name, port, portFix ?? "stop what listens there or pick another port");
        var log = Path.Combine(_stateDirectory, "logs", name + ".log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        // setsid: own session, so the build's Ctrl-C does not reach it; exec keeps the pid, the shell only redirects output.
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in (string[])["sh", "-c", $"exec \"$0\" \"$@\" >>\"${LogVariable}\" 2>&1 </dev/null", executable, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[LogVariable] = log;
        int pid;
        try
        {
            using var process = Process.Start(info) ?? throw new LocalServicesException($"{name} could not be started");
            pid = process.Id;
        }
        catch (Win32Exception e)
        {
            throw new LocalServicesException($"{name} could not be started ({e.Message}): setsid (util-linux) is required", e);
        }

        var service = new LocalServiceProcess(name, executable, pid, port, url, log, _time.GetUtcNow());
        new LocalServicesState([.. others, service]).Write(StatePath);
        var isReady = await WaitAsync(async () =>
        {
            if (!IsRunning(service) && _time.GetUtcNow() - service.StartedAt > TimeSpan.FromSeconds(1))
            {
                throw new LocalServicesException($"{name} exited during start: {LastLines(log)}");
            }

            return IsRunning(service) && await ready();
        }, _options.StartTimeout, cancellationToken);
        if (!isReady)
        {
            throw new LocalServicesException($"{name} (pid {pid}) not ready on port {port} within {_options.StartTimeout.TotalSeconds:0} s: {LastLines(log)}");
        }

        return service;
    }

    /// <summary>
    /// Fails before launching when something already listens on the port: otherwise the readiness probe could reach
    /// that other process while ours is still failing to bind, and report it ready.
    /// </summary>
    private static void EnsurePortFree(string name, int port, string fix)
    {
        if (!FreePort.IsFree(port, out var error))
        {
            throw new LocalServicesException($"{name}: port {port} on 127.0.0.1 is already in use ({error}); {fix}");
        }
    }

    private async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or IOException or TaskCanceledException)
            {
                // not listening yet
            }

            if (_time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    private static async Task<bool> HttpReadyAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var response = await http.GetAsync(new Uri(url));
        return response.IsSuccessStatusCode;
    }

    private static string Locate(string tool) =>
        Executable.Find(tool) ?? throw new LocalServicesException($"'{tool}' is not installed: run 'sudo bash scripts/install-deps.sh'");

    private static string LastLines(string log)
    {
        try
        {
            return string.Join(" | ", File.ReadAllLines(log).Where(l => l.Trim().Length > 0).TakeLast(3));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
