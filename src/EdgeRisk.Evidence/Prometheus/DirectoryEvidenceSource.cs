using System.Text.Json;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>Replays an evidence/ directory written by an earlier evaluation, so its verdict can be re-derived offline.</summary>
public sealed class DirectoryEvidenceSource : IEvidenceSource
{
    private readonly string _directory;

    private DirectoryEvidenceSource(string directory, EvidenceIndex index)
    {
        _directory = directory;
        Index = index;
    }

    public EvidenceIndex Index { get; }

    public GateWindow Window => new(Index.Window.Start, Index.Window.End);

    public EvidenceRecording Recording { get; } = new();

    /// <summary>Throws <see cref="EvidenceUnavailableException"/> naming the directory when it holds no readable index.json.</summary>
    public static DirectoryEvidenceSource Open(string directory)
    {
        var path = Path.Combine(directory, "index.json");
        if (!File.Exists(path))
        {
            throw new EvidenceUnavailableException($"--evidence {directory}: no index.json there; pass the evidence/ folder of an earlier gates run");
        }

        try
        {
            var index = JsonSerializer.Deserialize(File.ReadAllBytes(path), EvidenceJsonContext.Default.EvidenceIndex)
                ?? throw new EvidenceUnavailableException($"--evidence {directory}: index.json is empty");
            return new DirectoryEvidenceSource(directory, index);
        }
        catch (JsonException e)
        {
            throw new EvidenceUnavailableException($"--evidence {directory}: index.json is not valid ({e.Message})", e);
        }
    }

    public async Task<IReadOnlyList<TimeSeries>> GetSeriesAsync(string selector, GateWindow window, CancellationToken cancellationToken)
    {
        var entries = Index.Queries.Where(q => q.Selector == selector).ToList();
        if (entries.Count == 0)
        {
            throw new EvidenceUnavailableException($"evidence has no reply for {selector}");
        }

        var parts = new List<TimeSeries>();
        foreach (var entry in entries)
        {
            var body = await ReadAsync(entry.File, cancellationToken);
            parts.AddRange(PrometheusReply.ParseMatrix(body, $"evidence {entry.File}"));
            Recording.AddQuery(entry.Selector, entry.From, entry.To, body);
        }

        return SeriesMerge.Merge(parts, window);
    }

    public async Task<RulesEvidence?> GetAlertRulesAsync(CancellationToken cancellationToken)
    {
        if (Index.RulesFile is null)
        {
            return null;
        }

        var body = await ReadAsync(Index.RulesFile, cancellationToken);
        Recording.AddRules(body);
        return PrometheusReply.ParseAlertRules(body, $"evidence {Index.RulesFile}");
    }

    public async Task<IReadOnlyList<ContainerFacts>?> GetContainersAsync(CancellationToken cancellationToken)
    {
        if (Index.ContainersFile is null)
        {
            return null;
        }

        var body = await ReadAsync(Index.ContainersFile, cancellationToken);
        var containers = JsonSerializer.Deserialize(body, EvidenceJsonContext.Default.ListContainerFacts)
            ?? throw new EvidenceUnavailableException($"evidence {Index.ContainersFile} is empty");
        Recording.AddContainers(containers);
        return containers;
    }

    private async Task<byte[]> ReadAsync(string file, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, Path.GetFileName(file));
        if (!File.Exists(path))
        {
            throw new EvidenceUnavailableException($"evidence file {file} named in index.json is missing from {_directory}");
        }

        return await File.ReadAllBytesAsync(path, cancellationToken);
    }
}
