using System.Globalization;
using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>LEAN's on-disk layout under a data root such as <c>data/lean</c>.</summary>
public static class LeanDataPaths
{
    /// <summary>Minute file of a symbol and day, e.g. <c>crypto/coinbase/minute/btcusd/20170903_trade.zip</c>.</summary>
    public static string MinuteFile(string dataRoot, Symbol symbol, DateOnly date, MarketEventKind kind)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var folder = symbol.AssetClass == AssetClass.Crypto
            ? Path.Combine("crypto", "coinbase", "minute")
            : Path.Combine("equity", "usa", "minute");
        var file = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (kind == MarketEventKind.Trade ? "_trade.zip" : "_quote.zip");
        return Path.Combine(dataRoot, folder, LeanTicker(symbol.Ticker), file);
    }

    /// <summary>LEAN folder name of a ticker: lower case without separators (BTC-USD → btcusd).</summary>
    public static string LeanTicker(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        return ticker.Replace("-", string.Empty, StringComparison.Ordinal).Replace("/", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
    }

    /// <summary>Days with a minute trade file for the symbol, ascending.</summary>
    public static IReadOnlyList<DateOnly> MinuteTradeDays(string dataRoot, Symbol symbol)
    {
        var folder = Path.GetDirectoryName(MinuteFile(dataRoot, symbol, default, MarketEventKind.Trade))!;
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var days = new List<DateOnly>();
        foreach (var file in Directory.EnumerateFiles(folder, "*_trade.zip"))
        {
            if (DateOnly.TryParseExact(Path.GetFileName(file).AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
        }

        days.Sort();
        return days;
    }
}
