using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Processes;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun.Evidence;

/// <summary>
/// The real <c>prometheus</c> serving the dry-run evidence: long retention (the samples carry virtual, often years-old,
/// times), lifecycle API on, output in <c>prometheus.log</c>. It is detached from this process (no pipes), so it keeps
/// running after the build step that started it; <see cref="StopAsync(int, Uri, TimeProvider, CancellationToken)"/>
/// stops it later by pid.
/// </summary>
public sealed class EvidencePrometheus
{
    private EvidencePrometheus(int pid, int port, string dataDirectory)
    {
        Pid = pid;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Pid { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public string DataDirectory { get; }

    public static async Task<EvidencePrometheus> StartAsync(EvidencePrometheusOptions options, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.WorkDirectory);
        Directory.CreateDirectory(options.DataDirectory);
        var config = Path.Combine(options.WorkDirectory, "prometheus.yml");
        await File.WriteAllTextAsync(config, ConfigYaml(options), cancellationToken);
        var port = options.Port ?? FreePort.Next();
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var log = Path.Combine(options.WorkDirectory, "prometheus.log");
        List<string> arguments =
        [
            "--config.file=" + Path.GetFullPath(config),
            "--storage.tsdb.path=" + Path.GetFullPath(options.DataDirectory),
            "--storage.tsdb.retention.time=100000d",
            "--query.lookback-delta=" + PrometheusDuration.Format(options.LookbackDelta),
            $"--web.listen-address=127.0.0.1:{portText}",
            $"--web.external-url=http://127.0.0.1:{portText}",
            "--web.enable-lifecycle",
        ];
        if (options.RemoteWriteReceiver)
        {
            arguments.Add("--web.enable-remote-write-receiver");
        }

        using var process = LoggedProcess.Start("prometheus", arguments, log);
        var prometheus = new EvidencePrometheus(process.Pid, port, options.DataDirectory);
        try
        {
            await WaitUntilReadyAsync(prometheus, process, log, options.StartTimeout, timeProvider, cancellationToken);
            return prometheus;
        }
        catch
        {
            await StopAsync(prometheus.Pid, prometheus.Url, timeProvider, CancellationToken.None);
            throw;
        }
    }

    public Task StopAsync(TimeProvider timeProvider, CancellationToken cancellationToken) =>
        StopAsync(Pid, Url, timeProvider, cancellationToken);

    /// <summary>
    /// Stops the Prometheus named in a state file (<see cref="PrometheusProcessState"/>: <c>prometheus.json</c>,
    /// <c>live-prometheus.json</c>), if it still runs, and removes the file; false when there was no file.
    /// </summary>
    public static async Task<bool> StopNamedAsync(string stateFile, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (PrometheusProcessState.Load(stateFile) is not { } state)
        {
            return false;
        }

        await StopAsync(state.Pid, state.Url, timeProvider, cancellationToken);
        File.Delete(stateFile);
        return true;
    }

    /// <summary>
    /// Stops the Prometheus with this pid: <c>POST /-/quit</c>, then SIGKILL if it is still there after 20 s.
    /// A pid that is gone, or now belongs to a process other than a prometheus on that port, is left alone.
    /// </summary>
    public static async Task StopAsync(int pid, Uri url, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var process = FindPrometheus(pid, url);
        if (process is null)
        {
            return;
        }

        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
        {
            try
            {
                using var response = await http.PostAsync(new Uri(url, "-/quit"), content: null, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not answering: the kill below ends it
            }
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20), timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(grace.Token, cancellationToken);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static Process? FindPrometheus(int pid, Uri url)
    {
        try
        {
            var process = Process.GetProcessById(pid);
            var cmdline = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Replace('\0', ' ');
            if (!process.HasExited && cmdline.Contains("prometheus", StringComparison.Ordinal)
                && cmdline.Contains($"127.0.0.1:{url.Port.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal))
            {
                return process;
            }

            process.Dispose();
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task WaitUntilReadyAsync(EvidencePrometheus prometheus, LoggedProcess process, string log, TimeSpan timeout,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = timeProvider.GetTimestamp();
        while (!await IsReadyAsync(http, prometheus.Url, cancellationToken))
        {
            if (process.HasExited)
            {
                throw new DryRunException($"prometheus exited with code {process.ExitCode} at start: {Tail(log)} (full log: {log})");
            }

            if (timeProvider.GetElapsedTime(started) > timeout)
            {
                throw new DryRunException($"prometheus was not ready within {timeout.TotalSeconds:0} s; see {log}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeProvider, cancellationToken);
        }
    }

    private static async Task<bool> IsReadyAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url, "-/ready"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string ConfigYaml(EvidencePrometheusOptions options)
    {
        var interval = PrometheusDuration.Format(options.EvaluationInterval);
        var yaml = new StringBuilder()
            .Append("# Evidence store of the dry run: backfilled or remote-written, nothing to scrape.\n")
            .Append(CultureInfo.InvariantCulture, $"global: {{scrape_interval: {interval}, evaluation_interval: {interval}}}\n");
        if (options.OutOfOrderWindow is { } window)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"storage: {{tsdb: {{out_of_order_time_window: {PrometheusDuration.Format(window)}}}}}\n");
        }
        if (options.RuleFiles.Count > 0)
        {
            yaml.Append("rule_files:\n");
            foreach (var file in options.RuleFiles)
            {
                yaml.Append("  - '").Append(Path.GetFullPath(file).Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
            }
        }

        return yaml.ToString();
    }

    private static string Tail(string log)
    {
        if (!File.Exists(log))
        {
            return "(no output)";
        }

        var lines = File.ReadAllLines(log);
        return string.Join(" | ", lines.TakeLast(2));
    }
}
