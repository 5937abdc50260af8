using System.Text;
using System.Text.Json;
using EdgeRisk.Evidence.Gates;

namespace EdgeRisk.Evidence.Reporting;

/// <summary>
/// Writes gates.json, report.md, one PNG per gate and evidence/ into an output folder the writer owns: a new or empty
/// folder, or one holding a report it wrote before (named in its <see cref="MarkerFileName"/> file, or, from before the
/// marker, the bare report layout). Any other non-empty folder is refused: the writer never deletes what it did not write.
/// The report is staged in a temporary folder inside the output folder, then swapped in entry by entry (each a rename)
/// replacing only the entries the previous report wrote; a failure before or during the swap leaves the previous report
/// (or nothing) and no half-written file.
/// </summary>
public static class GateReportWriter
{
    /// <summary>Names the entries of the report in the output folder, one a line; its presence marks the folder as the writer's.</summary>
    public const string MarkerFileName = ".edgerisk-gates";

    private const string TemporaryPrefix = MarkerFileName + ".";

    /// <summary>
    /// Why a report cannot be written into <paramref name="outputDirectory"/> (one line naming the folder), or null when
    /// it can: the folder does not exist, is empty, or holds a report this writer wrote.
    /// </summary>
    public static string? OutputProblem(string outputDirectory)
    {
        var target = Path.GetFullPath(outputDirectory);
        if (File.Exists(target))
        {
            return $"gates: output {target} is a file, not a folder; pass a new or empty folder";
        }

        return Directory.Exists(target) && PreviousEntries(target) is null
            ? $"gates: output folder {target} is not empty and holds no report written by this tool (no {MarkerFileName} file); " +
              "reports are written only into a new or empty folder, or over a report written there before: pass another folder"
            : null;
    }

    public static async Task WriteAsync(
        GateReport report, string outputDirectory, GateReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        var target = Path.GetFullPath(outputDirectory);
        if (OutputProblem(target) is { } problem)
        {
            throw new GateConfigurationException(problem);
        }

        var created = !Directory.Exists(target);
        Directory.CreateDirectory(target);
        var previous = PreviousEntries(target) ?? [];
        var marker = Path.Combine(target, MarkerFileName);
        var previousMarker = File.Exists(marker) ? File.ReadAllBytes(marker) : null;
        RemoveTemporaries(target);
        var staging = Path.Combine(target, $"{TemporaryPrefix}staging-{Guid.NewGuid():N}");
        var swapping = false;
        try
        {
            await StageAsync(report, options ?? new GateReportOptions(), staging, cancellationToken);
            var entries = Directory.EnumerateFileSystemEntries(staging).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToList();
            // Until the swap is done both sets are the writer's: a run killed mid-swap still owns every entry it may have left.
            swapping = true;
            WriteMarker(target, previous.Union(entries, StringComparer.Ordinal));
            Swap(target, staging, previous, entries);
            swapping = false;
            WriteMarker(target, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteTemporary(staging);
            if (swapping)
            {
                RestoreMarker(marker, previousMarker);
            }

            if (created && !Directory.EnumerateFileSystemEntries(target).Any())
            {
                Directory.Delete(target);
            }

            throw new IOException($"gates: cannot write the report into {target} ({e.Message}); the previous report there is unchanged", e);
        }
        catch
        {
            DeleteTemporary(staging);
            throw;
        }
    }

    private static async Task StageAsync(GateReport report, GateReportOptions options, string staging, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(staging, "evidence"));
        await File.WriteAllBytesAsync(Path.Combine(staging, "gates.json"),
            JsonSerializer.SerializeToUtf8Bytes(GateReportText.ToJson(report), GatesJsonContext.Default.GatesJson), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(staging, "report.md"), MarkdownReport.Render(report, options), new UTF8Encoding(false), cancellationToken);
        foreach (var gate in report.Gates)
        {
            GatePlotRenderer.SavePng(gate, Path.Combine(staging, gate.Name + ".png"));
        }

        foreach (var (name, bytes) in report.Evidence.Files)
        {
            await File.WriteAllBytesAsync(Path.Combine(staging, "evidence", name), bytes, cancellationToken);
        }

        await File.WriteAllBytesAsync(Path.Combine(staging, "evidence", "index.json"),
            report.Evidence.Index(report.Window, report.PnlSigmaUsd, report.VarLimitUsd), cancellationToken);
    }

    /// <summary>Moves the previous report's entries aside and the staged ones in; on failure, everything moves back.</summary>
    private static void Swap(string target, string staging, IReadOnlyCollection<string> previous, IReadOnlyList<string> entries)
    {
        var aside = Path.Combine(target, $"{TemporaryPrefix}previous-{Guid.NewGuid():N}");
        Directory.CreateDirectory(aside);
        var movedAside = new List<string>();
        var movedIn = new List<string>();
        try
        {
            foreach (var name in previous.Where(n => Exists(Path.Combine(target, n))))
            {
                Move(Path.Combine(target, name), Path.Combine(aside, name));
                movedAside.Add(name);
            }

            foreach (var name in entries)
            {
                Move(Path.Combine(staging, name), Path.Combine(target, name));
                movedIn.Add(name);
            }
        }
        catch
        {
            foreach (var name in movedIn)
            {
                Move(Path.Combine(target, name), Path.Combine(staging, name));
            }

            foreach (var name in movedAside)
            {
                Move(Path.Combine(aside, name), Path.Combine(target, name));
            }

            DeleteTemporary(aside);
            throw;
        }

        DeleteTemporary(aside);
        DeleteTemporary(staging);
    }

    /// <summary>
    /// The entries of the report the writer left in <paramref name="target"/>: those its marker names, or, without a
    /// marker, all of them when they are exactly a report's layout; empty for an empty folder; null when the folder holds
    /// anything else (it is not the writer's).
    /// </summary>
    private static List<string>? PreviousEntries(string target)
    {
        var marker = Path.Combine(target, MarkerFileName);
        if (File.Exists(marker))
        {
            var names = File.ReadAllLines(marker).Where(l => l.Length > 0).ToList();
            return names.All(IsPlainName) ? names : null;
        }

        // A write killed before its first marker leaves only its own temporaries: still the writer's folder.
        var present = Directory.EnumerateFileSystemEntries(target).Select(e => Path.GetFileName(e)!)
            .Where(name => !name.StartsWith(TemporaryPrefix, StringComparison.Ordinal)).ToList();
        if (present.Count == 0)
        {
            return [];
        }

        var layout = present.Contains("gates.json", StringComparer.Ordinal) && present.All(name =>
            name is "gates.json" or "report.md"
            || (name == "evidence" && Directory.Exists(Path.Combine(target, name)))
            || (GateNames.All.Any(g => name == g + ".png") && File.Exists(Path.Combine(target, name))));
        return layout ? present : null;
    }

    private static bool IsPlainName(string name) =>
        name is not ("." or "..") && name.IndexOfAny(['/', '\\', '\0']) < 0 && !name.StartsWith(TemporaryPrefix, StringComparison.Ordinal)
        && name != MarkerFileName;

    private static void WriteMarker(string target, IEnumerable<string> entries)
    {
        var marker = Path.Combine(target, MarkerFileName);
        var temporary = Path.Combine(target, $"{TemporaryPrefix}marker-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(temporary, string.Concat(entries.Select(e => e + "\n")), new UTF8Encoding(false));
            File.Move(temporary, marker, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The marker as it was before a swap that was rolled back; left as the union (still only the writer's entries) if even that fails.</summary>
    private static void RestoreMarker(string marker, byte[]? previous)
    {
        try
        {
            if (previous is null)
            {
                File.Delete(marker);
                return;
            }

            var temporary = Path.Combine(Path.GetDirectoryName(marker)!, $"{TemporaryPrefix}marker-{Guid.NewGuid():N}");
            File.WriteAllBytes(temporary, previous);
            File.Move(temporary, marker, overwrite: true);
        }
        catch (IOException)
        {
            // the disk may still be full: the union marker stays, naming nothing but the writer's own entries
        }
    }

    /// <summary>Leftovers of a write that was killed (staging, moved-aside or marker temporaries): the writer's own, by name.</summary>
    private static void RemoveTemporaries(string target)
    {
        // Filtered by hand: the pattern ".edgerisk-gates.*" would also match the marker itself (Win32 matching).
        foreach (var entry in Directory.EnumerateFileSystemEntries(target).Where(e => Path.GetFileName(e).StartsWith(TemporaryPrefix, StringComparison.Ordinal)))
        {
            if (Directory.Exists(entry))
            {
                DeleteTemporary(entry);
            }
            else
            {
                File.Delete(entry);
            }
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static void Move(string from, string to)
    {
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }
    }

    private static void DeleteTemporary(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
