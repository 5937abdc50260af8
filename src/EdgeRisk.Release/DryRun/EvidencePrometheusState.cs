using System.Text.Json;

namespace EdgeRisk.Release.DryRun;

/// <summary>The content of <c>artifacts/dry-run/prometheus.json</c>: where the evidence Prometheus runs and what it covers.</summary>
public sealed record EvidencePrometheusState(int Pid, int Port, Uri Url, string DataDirectory, DateTimeOffset WindowStart, DateTimeOffset WindowEnd)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public EvidenceWindow Window => new(WindowStart, WindowEnd);

    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The saved state, or null when there is no state file.</summary>
    public static EvidencePrometheusState? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<EvidencePrometheusState>(File.ReadAllText(path), Json)
                ?? throw new DryRunException($"{path} is empty; delete it and re-run the dry run");
        }
        catch (JsonException ex)
        {
            throw new DryRunException($"{path} is not a Prometheus state file ({ex.Message}); delete it and re-run the dry run", ex);
        }
    }
}
