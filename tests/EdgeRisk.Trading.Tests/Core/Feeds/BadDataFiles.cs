namespace EdgeRisk.Trading.Tests.Core.Feeds;

/// <summary>The ways a data file turns out unreadable.</summary>
public enum BadFileKind
{
    Empty,
    NoEntry,
    Truncated,
    NotZip,
    TwoEntries,
    BreaksOffMidway,
}

/// <summary>Copies of a shipped day in a temp folder, with one file made unreadable in a given way.</summary>
internal static class BadDataFiles
{
    /// <summary>2017-09-03 as shipped: BTC and ETH minute trades and quotes.</summary>
    public const int DayEvents = 5755;

    /// <summary>Rows of BTC's 2017-09-03 minute trade file.</summary>
    public const int BtcTradeRows = 1440;

    /// <summary>Where the deflate data of <see cref="BadFileKind.BreaksOffMidway"/> breaks: after this many intact bytes of CSV.</summary>
    public const int IntactBytes = 32 * 1024;

    private static readonly string[] DayFiles =
    [
        "btcusd/20170903_trade.zip", "btcusd/20170903_quote.zip", "ethusd/20170903_trade.zip", "ethusd/20170903_quote.zip",
    ];

    /// <summary>Copies the shipped minute files of 2017-09-03 under <paramref name="root"/>, laid out like data/lean.</summary>
    public static void CopyDay(string root)
    {
        foreach (var file in DayFiles)
        {
            var target = Path.Combine(root, "crypto", "coinbase", "minute", file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(CoreTestData.Lean("minute/" + file), target);
        }
    }

    /// <summary>BTC's 2017-09-03 minute trade zip under <paramref name="root"/>.</summary>
    public static string BtcTrades(string root) => Path.Combine(root, "crypto", "coinbase", "minute", "btcusd", "20170903_trade.zip");

    /// <summary>A copy of the day under <paramref name="root"/> whose BTC trade zip is bad in the given way; returns that file.</summary>
    public static string DayWithBadBtcTrades(string root, BadFileKind kind)
    {
        CopyDay(root);
        var path = BtcTrades(root);
        Spoil(path, kind);
        return path;
    }

    /// <summary>Replaces a LEAN zip with a bad one made from its own CSV.</summary>
    public static void Spoil(string path, BadFileKind kind)
    {
        var (name, csv) = ReadSingleEntry(path);
        File.Delete(path);
        switch (kind)
        {
            case BadFileKind.Empty:
                File.WriteAllBytes(path, []);
                break;
            case BadFileKind.NoEntry:
                using (ZipFile.Open(path, ZipArchiveMode.Create))
                {
                }

                break;
            case BadFileKind.Truncated:
                WriteZip(path, (name, csv));
                var whole = File.ReadAllBytes(path);
                File.WriteAllBytes(path, whole.AsSpan(0, whole.Length / 2).ToArray());
                break;
            case BadFileKind.NotZip:
                // The CSV itself under the zip's name, as if unpacked and renamed.
                File.WriteAllBytes(path, csv);
                break;
            case BadFileKind.TwoEntries:
                WriteZip(path, (name, csv), ("extra_" + name, csv));
                break;
            case BadFileKind.BreaksOffMidway:
                WriteZipThatBreaksOffMidway(path, name, csv);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>Rewrites a LEAN zip with some of its CSV lines (1-based) replaced.</summary>
    public static void ReplaceLines(string path, IReadOnlyDictionary<int, string> lines)
    {
        var (name, csv) = ReadSingleEntry(path);
        var text = Encoding.UTF8.GetString(csv).Split('\n');
        foreach (var (number, line) in lines)
        {
            text[number - 1] = line;
        }

        File.Delete(path);
        WriteZip(path, (name, Encoding.UTF8.GetBytes(string.Join('\n', text))));
    }

    private static (string Name, byte[] Csv) ReadSingleEntry(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = Assert.Single(zip.Entries);
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (entry.FullName, copy.ToArray());
    }

    private static void WriteZip(string path, params (string Name, byte[] Csv)[] entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, csv) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(csv);
        }
    }

    /// <summary>
    /// A zip whose directory is intact but whose deflate data breaks off: two stored deflate blocks, the first with the
    /// first <see cref="IntactBytes"/> of the CSV, the second with a length that fails its check. Written byte by byte so
    /// it does not depend on how a zip library compresses.
    /// </summary>
    private static void WriteZipThatBreaksOffMidway(string path, string entryName, byte[] csv)
    {
        using var deflate = new MemoryStream();
        WriteStoredBlock(deflate, csv.AsSpan(0, IntactBytes), final: false, lengthCheckHolds: true);
        WriteStoredBlock(deflate, csv.AsSpan(IntactBytes), final: true, lengthCheckHolds: false);
        var data = deflate.ToArray();
        var name = Encoding.ASCII.GetBytes(entryName);
        const short Deflate = 8;
        const short Version = 20;
        const short DosDate = ((2017 - 1980) << 9) | (9 << 5) | 3;
        using var zip = new BinaryWriter(File.Create(path));
        zip.Write(0x04034b50); // local file header
        zip.Write(Version);
        zip.Write((short)0);
        zip.Write(Deflate);
        zip.Write((short)0);
        zip.Write(DosDate);
        zip.Write(0); // CRC-32, never reached
        zip.Write(data.Length);
        zip.Write(csv.Length);
        zip.Write((short)name.Length);
        zip.Write((short)0);
        zip.Write(name);
        zip.Write(data);
        var directory = (int)zip.BaseStream.Position;
        zip.Write(0x02014b50); // central directory header
        zip.Write(Version);
        zip.Write(Version);
        zip.Write((short)0);
        zip.Write(Deflate);
        zip.Write((short)0);
        zip.Write(DosDate);
        zip.Write(0);
        zip.Write(data.Length);
        zip.Write(csv.Length);
        zip.Write((short)name.Length);
        zip.Write((short)0);
        zip.Write((short)0);
        zip.Write((short)0);
        zip.Write((short)0);
        zip.Write(0);
        zip.Write(0); // offset of the local header
        zip.Write(name);
        var directorySize = (int)zip.BaseStream.Position - directory;
        zip.Write(0x06054b50); // end of central directory
        zip.Write((short)0);
        zip.Write((short)0);
        zip.Write((short)1);
        zip.Write((short)1);
        zip.Write(directorySize);
        zip.Write(directory);
        zip.Write((short)0);
    }

    private static void WriteStoredBlock(Stream stream, ReadOnlySpan<byte> data, bool final, bool lengthCheckHolds)
    {
        var length = (ushort)data.Length;
        stream.WriteByte(final ? (byte)1 : (byte)0); // BFINAL, BTYPE 00 (stored), padding to the byte
        stream.Write(BitConverter.GetBytes(length));
        stream.Write(BitConverter.GetBytes(lengthCheckHolds ? (ushort)~length : length));
        stream.Write(data);
    }
}
