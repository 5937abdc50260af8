using System.Globalization;
using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Ledger;

/// <summary>
/// Deterministic CSV of fills: invariant culture, decimals as stored (scale preserved), ISO-8601 UTC times,
/// LF line endings. Same fills → byte-identical text.
/// </summary>
public static class FillCsv
{
    public const string Header = "sequence,order_id,book,symbol,side,quantity,price,fee_usd,time";

    public static void Write(TextWriter writer, IEnumerable<Fill> fills)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fills);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var f in fills)
        {
            writer.Write(FormatRow(f));
            writer.Write('\n');
        }
    }

    public static string FormatRow(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{fill.Sequence},{fill.OrderId},{BookName(fill.Book)},{fill.Symbol},{SideName(fill.Side)},{fill.Quantity},{fill.Price},{fill.FeeUsd},{fill.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}");
    }

    public static string ToCsv(IEnumerable<Fill> fills)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, fills);
        return writer.ToString();
    }

    /// <summary>Lower-case book name used in CSV and metric labels.</summary>
    public static string BookName(Book book) => book == Book.Paper ? "paper" : "sim";

    public static string SideName(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";
}
