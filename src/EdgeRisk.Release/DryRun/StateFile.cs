using System.Text.Json;

namespace EdgeRisk.Release.DryRun;

/// <summary>The dry run's small JSON state files (prometheus.json, staging-run.json): written atomically, read fail-closed.</summary>
internal static class StateFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Save<T>(T state, string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The saved state, or null when there is no state file; unreadable content names the file and the fix.</summary>
    public static T? Load<T>(string path, string what)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
                ?? throw new DryRunException($"{path} is empty; delete it and re-run the dry run");
        }
        catch (JsonException ex)
        {
            throw new DryRunException($"{path} is not {what} ({ex.Message}); delete it and re-run the dry run", ex);
        }
    }
}
