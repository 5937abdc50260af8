namespace EdgeRisk.Nuke;

/// <summary>Closest names by edit distance, for "did you mean" hints.</summary>
internal static class Suggestions
{
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates, int count = 3)
    {
        var scored = candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(input.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored[0].Distance;
        return [.. scored.Where(x => x.Distance <= best + 1).Take(count).Select(x => x.Name)];
    }

    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
