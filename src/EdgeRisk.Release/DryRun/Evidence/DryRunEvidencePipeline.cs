using System.Globalization;
using System.Text.Json;
using EdgeRisk.Evidence;
using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Evidence.Recordings;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun.Evidence;

/// <summary>
/// Local-profile evidence of the dry run, the same kind staging gets by scraping: recorded files → OpenMetrics
/// (<see cref="RecordedMetricsConverter"/>) → <c>promtool tsdb create-blocks-from openmetrics</c> into
/// <c>artifacts/dry-run/prometheus-data</c> → a real Prometheus with the project's rules loaded → the project's
/// recording rules, then <c>ALERTS</c> (<see cref="AlertsRecordingRules"/>), backfilled with
/// <c>create-blocks-from rules</c> → Prometheus restarted so it serves the new blocks. It is left running;
/// <see cref="StopAsync"/> ends it.
/// </summary>
public sealed class DryRunEvidencePipeline(TimeProvider timeProvider)
{
    public const string StateFileName = "prometheus.json";

    private static readonly TimeSpan BackfillTimeout = TimeSpan.FromMinutes(10);

    /// <exception cref="DryRunException">The evidence cannot be built: a recording or rule file that cannot be read (the
    /// message of its <see cref="EvidenceInputException"/>), a failed backfill, or a Prometheus that does not serve it.</exception>
    public async Task<DryRunEvidence> RunAsync(DryRunEvidenceOptions options, CancellationToken cancellationToken = default)
    {
        try
        {
            return await BuildAsync(options, cancellationToken);
        }
        catch (EvidenceInputException e)
        {
            throw new DryRunException(e.Message, e);
        }
    }

    private async Task<DryRunEvidence> BuildAsync(DryRunEvidenceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var output = options.ResolvedOutputDirectory;
        Directory.CreateDirectory(output);
        var stateFile = Path.Combine(output, StateFileName);
        await StopAsync(stateFile, cancellationToken);

        var ruleFiles = options.ResolvedRuleFiles;
        var alertingRules = AlertsRecordingRules.CountAlertingRules(ruleFiles);
        var conversion = await Task.Run(() => RecordedMetricsConverter.Convert(options.Sources, Path.Combine(output, "metrics.om"),
            new RecordedMetricsConversionOptions { ScrapeInterval = options.ScrapeInterval, ExpectedDuration = options.ExpectedDuration }),
            cancellationToken);

        var data = Path.Combine(output, "prometheus-data");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        Directory.CreateDirectory(data);
        // One block over the whole window: with the default 2 h blocks promtool re-reads the whole file once per block.
        var blockHours = (long)Math.Ceiling(conversion.Window.Length.TotalHours) + 2;
        await ToolRunner.RunCheckedAsync("promtool",
            ["tsdb", "create-blocks-from", "openmetrics", $"--max-block-duration={blockHours.ToString(CultureInfo.InvariantCulture)}h", conversion.OutputPath, data],
            BackfillTimeout, cancellationToken);

        var prometheusOptions = new EvidencePrometheusOptions
        {
            DataDirectory = data,
            WorkDirectory = output,
            RuleFiles = ruleFiles,
            EvaluationInterval = options.ScrapeInterval,
            LookbackDelta = options.ScrapeInterval * 2,
        };
        var prometheus = await EvidencePrometheus.StartAsync(prometheusOptions, timeProvider, cancellationToken);
        try
        {
            if (AlertsRecordingRules.ProjectRecordingRules(ruleFiles, options.ScrapeInterval) is { } recording)
            {
                prometheus = await BackfillAndRestartAsync(prometheus, prometheusOptions, recording, "recording-backfill.rules.yml",
                    options, conversion.Window, cancellationToken);
            }

            prometheus = await BackfillAndRestartAsync(prometheus, prometheusOptions,
                AlertsRecordingRules.Build(ruleFiles, options.ScrapeInterval), "alerts-backfill.rules.yml", options, conversion.Window,
                cancellationToken);
            await VerifyAsync(prometheus, conversion.Window, ruleFiles, cancellationToken);
        }
        catch
        {
            await prometheus.StopAsync(timeProvider, CancellationToken.None);
            throw;
        }

        new EvidencePrometheusState(prometheus.Pid, prometheus.Port, prometheus.Url, data, conversion.Window.Start, conversion.Window.End)
            .Save(stateFile);
        return new DryRunEvidence(prometheus.Url, prometheus.Port, prometheus.Pid, conversion.Window, data, stateFile, conversion,
            alertingRules, ruleFiles);
    }

    /// <summary>
    /// Backfills one more OpenMetrics file (e.g. the live gate series, judged after the evidence was in) into the running
    /// evidence and restarts Prometheus so it serves it; the state file names the new process.
    /// </summary>
    public async Task<DryRunEvidence> AddOpenMetricsAsync(DryRunEvidence evidence, string openMetricsPath, TimeSpan scrapeInterval,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (!File.Exists(openMetricsPath))
        {
            throw new DryRunException($"OpenMetrics file {openMetricsPath} does not exist; nothing to add to the dry-run evidence");
        }

        var blockHours = (long)Math.Ceiling(evidence.Window.Length.TotalHours) + 2;
        await ToolRunner.RunCheckedAsync("promtool",
            ["tsdb", "create-blocks-from", "openmetrics", $"--max-block-duration={blockHours.ToString(CultureInfo.InvariantCulture)}h", openMetricsPath, evidence.DataDirectory],
            BackfillTimeout, cancellationToken);
        await EvidencePrometheus.StopAsync(evidence.Pid, evidence.Url, timeProvider, cancellationToken);
        var prometheus = await EvidencePrometheus.StartAsync(new EvidencePrometheusOptions
        {
            DataDirectory = evidence.DataDirectory,
            WorkDirectory = Path.GetDirectoryName(evidence.StateFile)!,
            RuleFiles = evidence.RuleFiles,
            EvaluationInterval = scrapeInterval,
            LookbackDelta = scrapeInterval * 2,
        }, timeProvider, cancellationToken);
        new EvidencePrometheusState(prometheus.Pid, prometheus.Port, prometheus.Url, evidence.DataDirectory, evidence.Window.Start, evidence.Window.End)
            .Save(evidence.StateFile);
        return evidence with { Url = prometheus.Url, Port = prometheus.Port, Pid = prometheus.Pid };
    }

    /// <summary>Stops the Prometheus recorded in <paramref name="stateFile"/> (if it still runs) and removes the file.</summary>
    public Task StopAsync(string stateFile, CancellationToken cancellationToken = default) =>
        EvidencePrometheus.StopNamedAsync(stateFile, timeProvider, cancellationToken);

    private async Task<EvidencePrometheus> BackfillAndRestartAsync(EvidencePrometheus prometheus, EvidencePrometheusOptions prometheusOptions,
        PrometheusRuleFile rules, string fileName, DryRunEvidenceOptions options, EvidenceWindow window, CancellationToken cancellationToken)
    {
        var rulesPath = Path.Combine(options.ResolvedOutputDirectory, fileName);
        await File.WriteAllTextAsync(rulesPath, rules.ToYaml(), cancellationToken);
        await RuleBlocksBackfill.RunAsync(rulesPath, prometheus.Url, window, options.ScrapeInterval, prometheus.DataDirectory, cancellationToken);
        await prometheus.StopAsync(timeProvider, cancellationToken);
        return await EvidencePrometheus.StartAsync(prometheusOptions, timeProvider, cancellationToken);
    }

    /// <summary>Fails unless the restarted Prometheus serves the backfilled metrics and rule marker and has every rule group loaded.</summary>
    private static async Task VerifyAsync(EvidencePrometheus prometheus, EvidenceWindow window, IReadOnlyList<string> ruleFiles,
        CancellationToken cancellationToken)
    {
        var api = PrometheusClientFactory.Create(prometheus.Url, timeout: TimeSpan.FromSeconds(30));
        using var http = api.Client;
        var range = PrometheusDuration.Format(window.Length + TimeSpan.FromMinutes(1));
        var at = (window.End + TimeSpan.FromMinutes(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        foreach (var series in (string[])["up", AlertsRecordingRules.MarkerMetric])
        {
            using var document = await ReadJsonAsync(api.QueryAsync($"count(count_over_time({series}[{range}]))", at, cancellationToken), cancellationToken);
            if (document.RootElement.GetProperty("data").GetProperty("result").GetArrayLength() == 0)
            {
                throw new DryRunException($"the evidence Prometheus at {prometheus.Url} has no '{series}' samples in the dry-run window; see artifacts/dry-run/prometheus.log");
            }
        }

        var expectedGroups = ruleFiles.Sum(f => PrometheusRuleFile.Load(f).Groups.Count);
        using var rules = await ReadJsonAsync(api.GetRulesAsync(null, cancellationToken), cancellationToken);
        var loaded = rules.RootElement.GetProperty("data").GetProperty("groups").GetArrayLength();
        if (loaded != expectedGroups)
        {
            throw new DryRunException($"the evidence Prometheus loaded {loaded} rule groups but the rule files have {expectedGroups}; check prometheus/rules with promtool check rules");
        }
    }

    /// <exception cref="HttpRequestException">Prometheus answered with an error status.</exception>
    private static async Task<JsonDocument> ReadJsonAsync(Task<HttpResponseMessage> call, CancellationToken cancellationToken)
    {
        using var response = (await call).EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
