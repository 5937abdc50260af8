using System.Runtime.CompilerServices;

namespace EdgeRisk.Trading.Domain;

/// <summary>
/// Per-symbol arrays indexed by <see cref="Symbol.Id"/> (ids are dense, from 0): an array grows, doubling, the first time
/// an id beyond its end appears, so the hot path is one bounds check.
/// </summary>
internal static class SymbolSlots
{
    /// <summary>The slot of symbol <paramref name="id"/>, growing <paramref name="slots"/> to hold it first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref T Of<T>(ref T[] slots, int id)
    {
        Grow(ref slots, id);
        return ref slots[id];
    }

    /// <summary>
    /// Grows <paramref name="slots"/> to hold symbol <paramref name="id"/>; arrays of one owner that start equally long and
    /// grow for the same ids stay equally long.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Grow<T>(ref T[] slots, int id)
    {
        if (id >= slots.Length)
        {
            Resize(ref slots, id);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Resize<T>(ref T[] slots, int id) => Array.Resize(ref slots, Math.Max(id + 1, slots.Length * 2));
}
