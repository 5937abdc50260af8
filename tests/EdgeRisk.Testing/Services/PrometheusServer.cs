using System.Globalization;

namespace EdgeRisk.Testing.Services;

/// <summary>
/// A real Prometheus on 127.0.0.1. Optionally backfilled from an OpenMetrics text with
/// <c>promtool tsdb create-blocks-from openmetrics</c> before start (long retention, so old samples stay).
/// </summary>
public sealed class PrometheusServer : LoopbackServer
{
    private PrometheusServer(TempDirectory dir, int port, ManagedProcess process)
        : base(dir, port, process)
    {
    }

    public string DataDirectory => WorkDirectory!.Combine("data");

    public int Pid => ServerProcess.Pid;

    public bool HasExited => ServerProcess.HasExited;

    /// <param name="configYaml">prometheus.yml content; default: a global block with 1 s scrape/evaluation and no jobs.</param>
    /// <param name="openMetricsBackfill">OpenMetrics text (seconds timestamps, ending with <c># EOF</c>) to backfill before start.</param>
    /// <param name="extraFiles">Files (e.g. rule files) written next to the config, by relative name.</param>
    public static async Task<PrometheusServer> StartAsync(string? configYaml = null, string? openMetricsBackfill = null,
        IReadOnlyDictionary<string, string>? extraFiles = null)
    {
        var dir = new TempDirectory("prometheus");
        var data = dir.Combine("data");
        Directory.CreateDirectory(data);
        foreach (var (name, content) in extraFiles ?? new Dictionary<string, string>())
        {
            var path = dir.Combine(name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
        }

        if (openMetricsBackfill is not null)
        {
            await BackfillAsync(dir, openMetricsBackfill, data);
        }

        var config = dir.Combine("prometheus.yml");
        await File.WriteAllTextAsync(config, configYaml ?? "global: {scrape_interval: 1s, evaluation_interval: 1s}\n");
        // A free port can be taken by another process between the probe and the bind (a busy machine): try another one.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var process = ManagedProcess.Start("prometheus",
            [
                $"--config.file={config}",
                $"--storage.tsdb.path={data}",
                "--storage.tsdb.retention.time=100000d",
                $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                $"--web.external-url=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                "--web.enable-admin-api",
                "--web.enable-lifecycle",
            ], workingDirectory: dir.Path);
            var server = new PrometheusServer(dir, port, process);
            try
            {
                await server.WaitUntilReadyAsync();
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.Ordinal))
            {
                await process.DisposeAsync();
                continue;
            }

            return server;
        }
    }

    /// <summary>
    /// Starts one server per backfill side by side. If any fails to start, the ones that did are stopped before the error
    /// is rethrown: a fixture whose start fails is never disposed, so nothing may be left running.
    /// </summary>
    public static async Task<Dictionary<string, PrometheusServer>> StartManyAsync(IReadOnlyDictionary<string, string> backfills)
    {
        ArgumentNullException.ThrowIfNull(backfills);
        var starts = backfills.ToDictionary(b => b.Key, b => StartAsync(openMetricsBackfill: b.Value), StringComparer.Ordinal);
        try
        {
            await Task.WhenAll(starts.Values);
        }
        catch
        {
            foreach (var start in starts.Values.Where(s => s.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            throw;
        }

        return starts.ToDictionary(s => s.Key, s => s.Value.Result, StringComparer.Ordinal);
    }

    /// <summary>Runs <c>promtool tsdb create-blocks-from openmetrics</c> into <paramref name="dataDirectory"/>.</summary>
    public static async Task BackfillAsync(TempDirectory scratch, string openMetrics, string dataDirectory)
    {
        var input = scratch.Combine($"backfill-{Guid.NewGuid():N}.om");
        await File.WriteAllTextAsync(input, openMetrics);
        await using var promtool = ManagedProcess.Start("promtool", ["tsdb", "create-blocks-from", "openmetrics", input, dataDirectory]);
        await promtool.WaitForExitAsync(TimeSpan.FromSeconds(120));
        if (promtool.ExitCode != 0)
        {
            throw new InvalidOperationException($"promtool backfill failed ({promtool.ExitCode}):\n{promtool.Output}");
        }
    }

    /// <summary>SIGSTOP: Prometheus keeps its sockets open (the kernel still accepts connections) but answers nothing until <see cref="Thaw"/>.</summary>
    public void Freeze() => ServerProcess.Signal("STOP");

    /// <summary>SIGCONT after <see cref="Freeze"/>.</summary>
    public void Thaw() => ServerProcess.Signal("CONT");

    /// <summary>Stops Prometheus (SIGKILL) — "Prometheus went away" as seen by clients.</summary>
    public ValueTask StopAsync() => ServerProcess.DisposeAsync();
}
