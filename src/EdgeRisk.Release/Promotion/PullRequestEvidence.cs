using System.Text.Json;
using EdgeRisk.Release.GitHub;

namespace EdgeRisk.Release.Promotion;

/// <summary>pull-request.json in the release directory: the promotion PR that ReleasePr opened or reused.</summary>
public static class PullRequestEvidence
{
    public const string FileName = "pull-request.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(string releaseDirectory, ReleasePullRequestOptions request, ReleasePullRequestResult result, bool recordedToOutbox)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(releaseDirectory);
        AtomicFile.Write(Path.Combine(releaseDirectory, FileName), JsonSerializer.Serialize(new
        {
            title = request.Title,
            head = request.Head,
            @base = request.Base,
            number = result.Number,
            url = result.Url,
            reviewers = request.Reviewers,
            recordedToOutbox,
        }, Indented) + "\n");
    }

    public static string? ReadUrl(string releaseDirectory)
    {
        var path = Path.Combine(releaseDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.TryGetProperty("url", out var url) ? url.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
