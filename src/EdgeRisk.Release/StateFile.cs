using System.Text.Json;

namespace EdgeRisk.Release;

/// <summary>
/// The release's small JSON state files (the dry run's prometheus.json and staging-run.json, the local services'
/// state.json): written atomically (temp file + rename, so a reader never sees half a file), read fail-closed.
/// </summary>
internal static class StateFile
{
    private static readonly JsonSerializerOptions DefaultJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Save<T>(T state, string path, JsonSerializerOptions? json = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, json ?? DefaultJson) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The saved state, or null when there is no state file. An empty or unreadable file throws what
    /// <paramref name="error"/> makes of the problem ("is empty", "is not <paramref name="what"/> (...)") — one line naming the file and the fix.
    /// </summary>
    public static T? Load<T>(string path, string what, Func<string, Exception?, Exception> error, JsonSerializerOptions? json = null)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), json ?? DefaultJson) ?? throw error("is empty", null);
        }
        catch (JsonException ex)
        {
            throw error($"is not {what} ({ex.Message})", ex);
        }
    }
}
