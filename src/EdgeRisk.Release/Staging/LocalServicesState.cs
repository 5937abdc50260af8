using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeRisk.Release.Staging;

/// <summary>Contents of <c>artifacts/services/state.json</c>: the pids and ports of the local profile's services.</summary>
public sealed record LocalServicesState(IReadOnlyList<LocalServiceProcess> Services)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <returns>null when no state file exists (nothing was started).</returns>
    /// <exception cref="LocalServicesException">The file exists but cannot be read as a state file.</exception>
    public static LocalServicesState? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LocalServicesState>(File.ReadAllText(path), Json)
                ?? throw new LocalServicesException($"service state '{path}' is empty: stop the services by hand and delete it");
        }
        catch (JsonException e)
        {
            throw new LocalServicesException($"service state '{path}' is not a state file ({e.Message}): stop the services by hand and delete it", e);
        }
    }

    /// <summary>Writes atomically (temp file + rename): a reader never sees half a file.</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, path, overwrite: true);
    }
}
