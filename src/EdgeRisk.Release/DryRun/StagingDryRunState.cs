using System.Text.Json;

namespace EdgeRisk.Release.DryRun;

/// <summary>
/// The content of <c>artifacts/dry-run/staging-run.json</c>: which Prometheus the staging dry run judged, the window it
/// covered ([start, stop] after an early stop), its verdict and the stop reason. <c>EvaluateGates</c> reads the window
/// from it, so the final evaluation judges the same window as the dry run.
/// </summary>
public sealed record StagingDryRunState(Uri Url, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string Verdict, string? StopReason)
{
    public const string FileName = "staging-run.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public EvidenceWindow Window => new(WindowStart, WindowEnd);

    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The saved state, or null when there is no state file.</summary>
    public static StagingDryRunState? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StagingDryRunState>(File.ReadAllText(path), Json)
                ?? throw new DryRunException($"{path} is empty; delete it and re-run the dry run");
        }
        catch (JsonException ex)
        {
            throw new DryRunException($"{path} is not a staging dry-run state file ({ex.Message}); delete it and re-run the dry run", ex);
        }
    }
}
