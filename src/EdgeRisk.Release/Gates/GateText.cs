namespace EdgeRisk.Release.Gates;

/// <summary>Keeps a gate's detail to one readable line.</summary>
internal static class GateText
{
    public static string Summarise(IReadOnlyList<string> items) =>
        items.Count <= 3 ? string.Join("; ", items) : string.Join("; ", items.Take(3)) + $"; and {items.Count - 3} more";
}
