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
    public static LocalServicesState? Read(string path) =>
        StateFile.Load<LocalServicesState>(path, "a state file",
            (problem, inner) => new LocalServicesException($"service state '{path}' {problem}: stop the services by hand and delete it", inner), Json);

    /// <summary>Writes atomically (temp file + rename): a reader never sees half a file.</summary>
    public void Write(string path) => StateFile.Save(this, path, Json);
}
