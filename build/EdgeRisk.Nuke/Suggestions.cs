namespace EdgeRisk.Nuke;

/// <summary>
/// Close names for "did you mean" hints: case-insensitive, within a small edit distance (Damerau-Levenshtein, at most
/// max(1, length / 3)) or starting with what was typed; none when nothing is that close.
/// </summary>
internal static class Suggestions
{
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates, int count = 3)
    {
        var typed = input.ToLowerInvariant();
        var limit = Math.Max(1, typed.Length / 3);
        return [.. candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Lower: c.ToLowerInvariant()))
            .Select(c => (c.Name, Distance: Distance(typed, c.Lower), Prefix: typed.Length >= 2 && c.Lower.StartsWith(typed, StringComparison.Ordinal)))
            .Where(x => x.Distance <= limit || x.Prefix)
            .OrderBy(x => x.Prefix ? 0 : x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(count).Select(x => x.Name)];
    }

    /// <summary>"Did you mean: A, B?" or, when nothing is close, <paramref name="otherwise"/>.</summary>
    public static string Hint(string input, IEnumerable<string> candidates, string otherwise, Func<string, string>? display = null)
    {
        var hints = Closest(input, candidates);
        return hints.Count > 0 ? $"Did you mean: {string.Join(", ", hints.Select(display ?? (h => h)))}?" : otherwise;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
