namespace EdgeRisk.Trading.Host.Logging;

/// <summary>
/// With <c>--skip-bad-files</c>: one warning line per skipped data file, naming it and what is wrong, each file once;
/// everything is forwarded to the next sink (the counters). Without it, <see cref="ErrorLine"/> is the one-line error.
/// </summary>
public sealed class BadFileWarnings(TextWriter error, IFeedRejectionSink? next = null) : IFeedRejectionSink
{
    private const string Fix = "restore the file (data/README.md lists the shipped data) or pass --skip-bad-files to play without it";

    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <summary>The error for a data file that cannot be read when bad files are not skipped: the file, what is wrong, the fix.</summary>
    public static string ErrorLine(BadDataFileException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return $"edgerisk-trading: {e.File}; {Fix}";
    }

    public void OnRejected(FeedRejectReason reason, string source, long line) => next?.OnRejected(reason, source, line);

    public void OnBadFile(BadDataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (_warned.Add(file.Path))
        {
            error.WriteLine($"edgerisk-trading: warning: {file}; skipped (--skip-bad-files)");
        }

        next?.OnBadFile(file);
    }
}
