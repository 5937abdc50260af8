using System.Globalization;
using EdgeRisk.Evidence;
using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun.Evidence;

/// <summary>
/// <c>promtool tsdb create-blocks-from rules</c> against a running Prometheus, then moves the new blocks into its data
/// directory. Prometheus sees moved-in blocks only after a restart (<c>/-/reload</c> reloads configuration, not
/// blocks; the TSDB's own periodic reload takes up to a minute), so the caller restarts it.
/// </summary>
public static class RuleBlocksBackfill
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(10);

    /// <returns>How many blocks were moved into <paramref name="dataDirectory"/>.</returns>
    public static async Task<int> RunAsync(string rulesPath, Uri prometheusUrl, EvidenceWindow window, TimeSpan step,
        string dataDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prometheusUrl);
        ArgumentNullException.ThrowIfNull(window);
        await ToolRunner.RunCheckedAsync("promtool", ["check", "rules", rulesPath], TimeSpan.FromMinutes(1), cancellationToken);
        var output = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rulesPath))!, "blocks-" + Guid.NewGuid().ToString("N"));
        var stepSeconds = (long)Math.Ceiling(step.TotalSeconds);
        var start = window.Start.ToUnixTimeSeconds();
        start -= start % stepSeconds;
        var end = window.End.ToUnixTimeSeconds() + stepSeconds;
        try
        {
            await ToolRunner.RunCheckedAsync("promtool",
            [
                "tsdb", "create-blocks-from", "rules",
                "--start=" + start.ToString(CultureInfo.InvariantCulture),
                "--end=" + end.ToString(CultureInfo.InvariantCulture),
                "--eval-interval=" + PrometheusDuration.Format(step),
                "--url=" + prometheusUrl.ToString().TrimEnd('/'),
                "--output-dir=" + output,
                rulesPath,
            ], ToolTimeout, cancellationToken);

            var blocks = Directory.Exists(output)
                ? Directory.GetDirectories(output).Where(d => File.Exists(Path.Combine(d, "meta.json"))).ToList()
                : [];
            foreach (var block in blocks)
            {
                Directory.Move(block, Path.Combine(dataDirectory, Path.GetFileName(block)));
            }

            return blocks.Count;
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
