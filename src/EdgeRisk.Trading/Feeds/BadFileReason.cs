namespace EdgeRisk.Trading.Feeds;

/// <summary>Why a whole data file cannot be played. A closed set: each is one metric label.</summary>
public enum BadFileReason : byte
{
    /// <summary>A file the replay needs (a day's minute trades) does not exist.</summary>
    Missing,
    /// <summary>A file, or the CSV inside a zip, of 0 bytes.</summary>
    Empty,
    /// <summary>A <c>.zip</c> that is not a zip archive at all.</summary>
    NotZip,
    /// <summary>A zip archive that ends early (cut off: no central directory, or its data stops short).</summary>
    Truncated,
    /// <summary>A zip archive whose data cannot be decompressed, or a file that cannot be read.</summary>
    Corrupt,
    /// <summary>A zip archive without an entry.</summary>
    NoEntry,
    /// <summary>A zip archive with more than one entry: a LEAN data zip holds exactly one CSV.</summary>
    MultipleEntries,
    /// <summary>A CSV whose header is not one of the format's.</summary>
    BadHeader,
}
