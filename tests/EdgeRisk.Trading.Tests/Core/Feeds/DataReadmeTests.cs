using System.Text.RegularExpressions;

namespace EdgeRisk.Trading.Tests.Core.Feeds;

/// <summary>The shipped files against the row counts that data/README.md documents, read from the README itself.</summary>
public sealed partial class DataReadmeTests
{
    private static readonly Lazy<Dictionary<string, int>> Table = new(ReadTable);

    [Fact]
    public void ReadmeTable_ListsEveryShippedZipExactlyOnce()
    {
        var shipped = Directory.GetFiles(CoreTestData.DataRoot, "*.zip", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(CoreTestData.DataRoot, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(27, Table.Value.Count);
        Assert.Equal(shipped, Table.Value.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryRead_EveryShippedFile_ReadsExactlyTheReadmeRowCount()
    {
        var mismatches = new List<string>();
        foreach (var (relative, rows) in Table.Value)
        {
            var path = Path.Combine(CoreTestData.DataRoot, relative);
            var symbol = new SymbolRegistry().GetOrAdd(relative.Contains("eth", StringComparison.Ordinal) ? "ETH-USD" : "BTC-USD", AssetClass.Crypto);
            var rejects = new FeedRejectionCounter();
            using var feed = new LeanBarFeed(path, symbol, LeanBarFeed.InferOptions(path, AssetClass.Crypto), rejects);
            var read = CoreTestData.Drain(feed).Count;
            if (read != rows || rejects.Total != 0)
            {
                mismatches.Add($"{relative}: README {rows}, read {read}, rejected {rejects.Total}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("2017-09-03", "2017-09-04")]
    [InlineData("2018-04-04", "2018-04-05")]
    public void Run_Backtest_ProcessesExactlyTheReadmeRowsOfItsMinuteFiles(string from, string to)
    {
        var first = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var last = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
        var expected = Table.Value
            .Where(row => row.Key.StartsWith("crypto/coinbase/minute/", StringComparison.Ordinal))
            .Where(row => DayOf(row.Key) is var day && day >= first && day <= last)
            .Sum(row => row.Value);

        var result = Backtester.Run(new BacktestOptions { DataRoot = CoreTestData.DataRoot, From = first, To = last, Strategy = new EmaCrossStrategy() });

        Assert.True(expected > 10_000, $"README rows for {from} .. {to}: {expected}");
        Assert.Equal(expected, result.EventsProcessed);
        Assert.Equal(0, result.RejectedRows);
    }

    private static DateOnly DayOf(string relative)
        => DateOnly.ParseExact(Path.GetFileName(relative)[..8], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, int> ReadTable()
    {
        var readme = File.ReadAllText(Path.Combine(CoreTestData.RepoRoot, "data", "README.md"));
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match row in TableRow().Matches(readme))
        {
            table.Add(row.Groups["file"].Value, int.Parse(row.Groups["rows"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return table;
    }

    [GeneratedRegex(@"^\| `(?<file>crypto/[^`]+\.zip)` \| (?<rows>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
