namespace EdgeRisk.Trading.Host.Metrics;

/// <summary>The <c>reason</c> label values of <c>feed_bad_files_total</c>, one per <see cref="BadFileReason"/>; the backtest prints the same names.</summary>
public static class BadFileLabel
{
    public const string Missing = "missing";
    public const string Empty = "empty";
    public const string NotZip = "not_zip";
    public const string Truncated = "truncated";
    public const string Corrupt = "corrupt";
    public const string NoEntry = "no_entry";
    public const string MultipleEntries = "multiple_entries";
    public const string BadHeader = "bad_header";

    public static readonly IReadOnlyList<string> All = [Missing, Empty, NotZip, Truncated, Corrupt, NoEntry, MultipleEntries, BadHeader];

    public static string Of(BadFileReason reason) => reason switch
    {
        BadFileReason.Missing => Missing,
        BadFileReason.Empty => Empty,
        BadFileReason.NotZip => NotZip,
        BadFileReason.Truncated => Truncated,
        BadFileReason.Corrupt => Corrupt,
        BadFileReason.NoEntry => NoEntry,
        BadFileReason.MultipleEntries => MultipleEntries,
        BadFileReason.BadHeader => BadHeader,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a bad-file reason"),
    };
}
