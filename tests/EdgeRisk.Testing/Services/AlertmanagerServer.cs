using System.Globalization;

namespace EdgeRisk.Testing.Services;

/// <summary>A real prometheus-alertmanager on 127.0.0.1 (no cluster listener, own storage).</summary>
public sealed class AlertmanagerServer : LoopbackServer
{
    private AlertmanagerServer(TempDirectory dir, int port, ManagedProcess process)
        : base(dir, port, process)
    {
    }

    /// <param name="configYaml">alertmanager.yml content.</param>
    /// <param name="extraFiles">Files (e.g. a routing-key secret file) written next to the config, by relative name.</param>
    public static async Task<AlertmanagerServer> StartAsync(string configYaml, IReadOnlyDictionary<string, string>? extraFiles = null)
    {
        var dir = new TempDirectory("alertmanager");
        foreach (var (name, content) in extraFiles ?? new Dictionary<string, string>())
        {
            await File.WriteAllTextAsync(dir.Combine(name), content);
        }

        var config = dir.Combine("alertmanager.yml");
        await File.WriteAllTextAsync(config, configYaml);
        var port = FreePort.Next();
        var process = ManagedProcess.Start("prometheus-alertmanager",
        [
            $"--config.file={config}",
            $"--storage.path={dir.Combine("data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            $"--web.external-url=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--cluster.listen-address=",
        ], workingDirectory: dir.Path);
        var server = new AlertmanagerServer(dir, port, process);
        await server.WaitUntilReadyAsync();
        return server;
    }
}
