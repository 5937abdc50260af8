using System.Globalization;
using EdgeRisk.Testing.Services;

namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>
/// A real Prometheus on 127.0.0.1 over blocks written by <c>promtool tsdb create-blocks-from openmetrics</c>
/// (long retention, so the historical samples stay). promtool runs to completion through <see cref="CommandRunner"/>
/// before Prometheus starts on the same data directory.
/// </summary>
public sealed class BackfilledPrometheus : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly ManagedProcess _process;

    private BackfilledPrometheus(TempDirectory dir, int port, ManagedProcess process)
    {
        _dir = dir;
        _process = process;
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public Uri BaseUrl { get; }

    public static async Task<BackfilledPrometheus> StartAsync(string openMetrics)
    {
        var dir = new TempDirectory("prometheus-backfill");
        try
        {
            var input = dir.Combine("backfill.om");
            var data = dir.Combine("data");
            await File.WriteAllTextAsync(input, openMetrics);
            var backfill = await CommandRunner.RunAsync("promtool", ["tsdb", "create-blocks-from", "openmetrics", input, data],
                timeout: TimeSpan.FromSeconds(60));
            if (backfill.ExitCode != 0)
            {
                throw new InvalidOperationException($"promtool backfill failed: {backfill}");
            }

            var config = dir.Combine("prometheus.yml");
            await File.WriteAllTextAsync(config, "global: {scrape_interval: 15s}\n");
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
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _dir.Dispose();
    }
}
