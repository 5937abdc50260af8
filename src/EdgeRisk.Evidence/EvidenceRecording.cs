using System.Collections.Concurrent;
using System.Text.Json;

namespace EdgeRisk.Evidence;

/// <summary>Everything an evaluation read, kept byte for byte so the verdict can be re-derived offline from evidence/.</summary>
public sealed class EvidenceRecording
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<EvidenceQuery> _queries = new();
    private int _count;
    private string? _rulesFile;
    private string? _containersFile;

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void AddQuery(string selector, double from, double to, byte[] reply)
    {
        var file = $"q{Interlocked.Increment(ref _count):0000}-{Sanitise(selector)}.json";
        _files[file] = reply;
        _queries.Enqueue(new EvidenceQuery(selector, from, to, file));
    }

    public void AddRules(byte[] reply)
    {
        _rulesFile = "rules.json";
        _files[_rulesFile] = reply;
    }

    public void AddContainers(IReadOnlyList<ContainerFacts> containers)
    {
        _containersFile = "containers.json";
        _files[_containersFile] = JsonSerializer.SerializeToUtf8Bytes(containers.ToList(), EvidenceJsonContext.Default.ListContainerFacts);
    }

    public byte[] Index(GateWindow window, decimal? pnlSigmaUsd, decimal? varLimitUsd)
    {
        ArgumentNullException.ThrowIfNull(window);
        var index = new EvidenceIndex(new EvidenceWindow(window.Start, window.End), pnlSigmaUsd, varLimitUsd,
            [.. _queries.OrderBy(q => q.File, StringComparer.Ordinal)], _rulesFile, _containersFile);
        return JsonSerializer.SerializeToUtf8Bytes(index, EvidenceJsonContext.Default.EvidenceIndex);
    }

    private static string Sanitise(string selector)
    {
        var chars = selector.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '-').ToArray();
        var text = new string(chars).Trim('-');
        return text.Length > 60 ? text[..60] : text;
    }
}
