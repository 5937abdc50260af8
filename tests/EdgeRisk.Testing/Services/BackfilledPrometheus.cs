using System.Diagnostics;
using System.Globalization;

namespace EdgeRisk.Testing.Services;

/// <summary>
/// A real Prometheus on 127.0.0.1 serving a TSDB backfilled from OpenMetrics text (<c>promtool tsdb
/// create-blocks-from openmetrics</c>, awaited to its exit code), with retention long enough to keep old samples.
/// </summary>
public sealed class BackfilledPrometheus : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly ManagedProcess _process;

    private BackfilledPrometheus(TempDirectory dir, int port, ManagedProcess process)
    {
        _dir = dir;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public static async Task<BackfilledPrometheus> StartAsync(string openMetrics)
    {
        var dir = new TempDirectory("prom-bf");
        var data = dir.Combine("data");
        Directory.CreateDirectory(data);
        var input = dir.Combine("backfill.om");
        await File.WriteAllTextAsync(input, openMetrics);
        var info = new ProcessStartInfo(ExecutableLocator.Find("promtool"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "tsdb", "create-blocks-from", "openmetrics", input, data })
        {
            info.ArgumentList.Add(argument);
        }

        using (var promtool = Process.Start(info)!)
        {
            var stdout = promtool.StandardOutput.ReadToEndAsync();
            var stderr = promtool.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await promtool.WaitForExitAsync(cts.Token);
            if (promtool.ExitCode != 0)
            {
                throw new InvalidOperationException($"promtool backfill failed ({promtool.ExitCode}):\n{await stdout}\n{await stderr}");
            }
        }

        var config = dir.Combine("prometheus.yml");
        await File.WriteAllTextAsync(config, "global: {scrape_interval: 15s, evaluation_interval: 15s}\n");
        var port = FreePort.Next();
        var process = ManagedProcess.Start("prometheus",
        [
            $"--config.file={config}",
            $"--storage.tsdb.path={data}",
            "--storage.tsdb.retention.time=100000d",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        ], workingDirectory: dir.Path);
        var server = new BackfilledPrometheus(dir, port, process);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await process.WaitUntilAsync(async () => (await http.GetAsync(new Uri(server.BaseUrl, "-/ready"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "/-/ready");
        return server;
    }

    /// <summary>SIGKILL: Prometheus goes away mid-conversation.</summary>
    public ValueTask StopAsync() => _process.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _dir.Dispose();
    }
}
