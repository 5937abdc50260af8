using System.Text.Json;

namespace EdgeRisk.Release.Promotion;

/// <summary>
/// promotion.json beside the summary: which steps of the promotion of <see cref="Tag"/> at <see cref="Commit"/> are done,
/// so a re-run after a partial failure resumes (no second deploy) and a re-run after success changes nothing.
/// </summary>
public sealed record PromotionState(string Tag, string Commit)
{
    public const string FileName = "promotion.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public DeploymentResult? Deployment { get; init; }

    public string? ReleaseUrl { get; init; }

    public string? JiraCommentId { get; init; }

    /// <summary>Grafana's id of the deploy annotation once posted: a re-run does not post it again.</summary>
    public long? AnnotationId { get; init; }

    public bool Completed { get; init; }

    public static PromotionState? Read(string releaseDirectory)
    {
        var path = Path.Combine(releaseDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PromotionState>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            // An unreadable state only means "nothing known to be done": every step is idempotent on its own.
            return null;
        }
    }

    public void Write(string releaseDirectory)
    {
        Directory.CreateDirectory(releaseDirectory);
        AtomicFile.Write(Path.Combine(releaseDirectory, FileName), JsonSerializer.Serialize(this, Json) + "\n");
    }
}

internal static class AtomicFile
{
    public static void Write(string path, string content)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
