using System.Text;
using System.Text.Json;

namespace EdgeRisk.Tuning.Tune;

/// <summary>One asked trial as journalled before it runs: its number, the ask batch it came in and its values.</summary>
public sealed record JournalEntry(int Number, int Batch, double[] Values);

/// <summary>
/// <c>journal.jsonl</c> of a run folder: every asked trial, appended (and flushed) before its batch runs. On resume the
/// optimiser (seeded, deterministic) is asked again batch by batch with the journal's batch sizes and its asks must match.
/// </summary>
internal sealed class TuneJournal
{
    private readonly string _path;

    private TuneJournal(string path, List<JournalEntry> entries)
    {
        _path = path;
        Entries = entries;
    }

    public List<JournalEntry> Entries { get; }

    public static TuneJournal Open(string path)
    {
        var entries = new List<JournalEntry>();
        if (File.Exists(path))
        {
            foreach (var line in File.ReadAllLines(path))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    entries.Add(JsonSerializer.Deserialize(line, TuneJsonContext.Default.JournalEntry)
                        ?? throw new TuneException($"{path}: an empty entry; delete the run folder to start again"));
                }
                catch (JsonException)
                {
                    // A line cut off by a kill while appending: its batch never ran, drop it and everything after.
                    break;
                }
            }
        }

        return new TuneJournal(path, entries);
    }

    public void Append(IEnumerable<JournalEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(JsonSerializer.Serialize(entry, TuneJsonContext.Default.JournalEntry)).Append('\n');
            Entries.Add(entry);
        }

        using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }
}
