using System.IO.Compression;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// Opens the CSV text of a data file — the one entry of a LEAN zip, or a plain file — and says in one line what is
/// wrong when it cannot: empty, not a zip, truncated, corrupt, no entry, several entries.
/// </summary>
public static class DataFile
{
    private const string OneCsv = "a LEAN data zip holds exactly one CSV";

    /// <summary>
    /// What is wrong with an existing file, or null when its text can be opened. Reads a zip's directory and the start of
    /// its entry, not the whole file: data that breaks off later is found by the reader, mid-way.
    /// </summary>
    public static BadDataFile? Check(string path)
    {
        try
        {
            using var opened = Open(path);
            return null;
        }
        catch (BadDataFileException e)
        {
            return e.File;
        }
    }

    /// <summary>The file's text stream; <see cref="BadDataFileException"/> when it cannot be opened.</summary>
    internal static DataFileStream Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (new FileInfo(path).Length == 0)
        {
            throw Bad(path, BadFileReason.Empty, "empty file (0 bytes)");
        }

        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return new DataFileStream(null, File.OpenRead(path));
        }

        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw StartsLikeZip(path)
                ? Bad(path, BadFileReason.Truncated, "zip archive is truncated (its central directory is missing)", e)
                : Bad(path, BadFileReason.NotZip, "not a zip archive", e);
        }

        try
        {
            var entries = archive.Entries;
            if (entries.Count == 0)
            {
                throw Bad(path, BadFileReason.NoEntry, $"zip archive has no entry; {OneCsv}");
            }

            if (entries.Count > 1)
            {
                var names = string.Join(", ", entries.Take(3).Select(e => e.FullName)) + (entries.Count > 3 ? ", ..." : string.Empty);
                throw Bad(path, BadFileReason.MultipleEntries, $"zip archive has {entries.Count} entries ({names}); {OneCsv}");
            }

            var entry = entries[0];
            if (entry.Length == 0)
            {
                throw Bad(path, BadFileReason.Empty, $"zip entry {entry.FullName} is empty (0 bytes)");
            }

            return new DataFileStream(archive, entry.Open());
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException and not BadDataFileException)
        {
            archive.Dispose();
            throw Corrupt(path, e, line: 0);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>Reading broke off after <paramref name="line"/> lines: the data stops short (truncated), does not decompress or cannot be read (corrupt).</summary>
    internal static BadDataFileException Corrupt(string path, Exception error, long line)
    {
        var where = line > 0 ? $" after line {line}" : string.Empty;
        return error switch
        {
            EndOfStreamException => Bad(path, BadFileReason.Truncated, $"data ends early{where}", error),
            // The inflater's own message names a compression method whatever the damage; it says nothing more.
            InvalidDataException => Bad(path, BadFileReason.Corrupt, $"zip data cannot be decompressed{where}", error),
            _ => Bad(path, BadFileReason.Corrupt, $"cannot be read{where} ({FirstSentence(error.Message)})", error),
        };
    }

    internal static BadDataFileException Bad(string path, BadFileReason reason, string detail, Exception? inner = null)
        => new(new BadDataFile(path, reason, detail), inner);

    /// <summary>A zip begins with a local file header ("PK"); one that does but has no directory was cut off.</summary>
    private static bool StartsLikeZip(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && head[0] == (byte)'P' && head[1] == (byte)'K';
    }

    private static string FirstSentence(string message) => message.Split('\n', 2)[0].Split(". ", 2)[0].Trim().TrimEnd('.');
}

/// <summary>An opened data file: its text stream, and the archive it comes from when zipped.</summary>
internal sealed class DataFileStream(ZipArchive? archive, Stream stream) : IDisposable
{
    public Stream Stream { get; } = stream;

    public void Dispose()
    {
        Stream.Dispose();
        archive?.Dispose();
    }
}
