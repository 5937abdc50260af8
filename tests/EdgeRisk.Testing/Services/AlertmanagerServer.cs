using System.Globalization;

namespace EdgeRisk.Testing.Services;

/// <summary>A real prometheus-alertmanager on 127.0.0.1 (no cluster listener, own storage).</summary>
public sealed class AlertmanagerServer : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly ManagedProcess _process;

    private AlertmanagerServer(TempDirectory dir, int port, ManagedProcess process)
    {
        _dir = dir;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

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
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await process.WaitUntilAsync(async () => (await http.GetAsync(new Uri(server.BaseUrl, "-/ready"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "/-/ready");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _dir.Dispose();
    }
}
