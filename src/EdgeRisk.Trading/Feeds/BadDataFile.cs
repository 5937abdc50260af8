namespace EdgeRisk.Trading.Feeds;

/// <summary>A data file that cannot be played as a whole: where it is, why, and what is wrong in words.</summary>
/// <param name="Path">The file as the replay names it (data root + LEAN path).</param>
/// <param name="Detail">One line without the path, e.g. <c>zip archive has 2 entries (a.csv, b.csv); a LEAN data zip holds exactly one CSV</c>.</param>
public sealed record BadDataFile(string Path, BadFileReason Reason, string Detail)
{
    public override string ToString() => $"{Path}: {Detail}";
}

/// <summary>
/// A data file cannot be read (empty, not a zip, truncated, corrupt, no or several entries, a wrong header). Readers
/// throw it rather than end quietly, so a replay never drops a file's events without saying so; a replay asked to skip
/// bad files reports it to <see cref="IFeedRejectionSink.OnBadFile"/> instead and plays the rest.
/// </summary>
public sealed class BadDataFileException(BadDataFile file, Exception? inner = null) : IOException(file?.ToString(), inner)
{
    public BadDataFile File { get; } = file ?? throw new ArgumentNullException(nameof(file));
}
