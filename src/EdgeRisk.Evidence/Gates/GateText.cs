using System.Globalization;

namespace EdgeRisk.Evidence.Gates;

/// <summary>Keeps a gate's detail to one readable line.</summary>
internal static class GateText
{
    public static string Summarise(IReadOnlyList<string> items) =>
        items.Count <= 3 ? string.Join("; ", items) : string.Join("; ", items.Take(3)) + $"; and {items.Count - 3} more";

    /// <summary>
    /// A ratio as a signed percentage with two decimals: <c>+1.23%</c>, <c>-1.23%</c>, and <c>0.00%</c> for anything that
    /// rounds to zero (negative zero and tiny negatives included; the two-section format alone prints <c>-+0.00%</c> there).
    /// </summary>
    public static string SignedPercent(double ratio) =>
        ratio.ToString("+0.00%;-0.00%;0.00%", CultureInfo.InvariantCulture);
}
