using System.Text;
using System.Text.RegularExpressions;

namespace EdgeRisk.Nuke.IO;

internal static class Glob
{
    public static IReadOnlyList<AbsolutePath> Match(AbsolutePath directory, IEnumerable<string> patterns, bool directories)
    {
        var results = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var normalized = pattern.Replace('\\', '/').TrimStart('/');
            var segments = normalized.Split('/');
            var literal = segments.TakeWhile(s => s.IndexOfAny(['*', '?']) < 0).ToList();
            if (literal.Count == segments.Length)
            {
                var exact = directory / normalized;
                if (directories ? exact.DirectoryExists() : exact.FileExists())
                {
                    results.Add(exact);
                }

                continue;
            }

            var start = literal.Aggregate(directory, (current, segment) => current / segment);
            if (!start.DirectoryExists())
            {
                continue;
            }

            var regex = ToRegex(string.Join('/', segments.Skip(literal.Count)));
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
            var candidates = directories
                ? Directory.EnumerateDirectories(start, "*", options)
                : Directory.EnumerateFiles(start, "*", options);
            foreach (var candidate in candidates)
            {
                if (regex.IsMatch(Path.GetRelativePath(start, candidate).Replace('\\', '/')))
                {
                    results.Add(candidate);
                }
            }
        }

        return [.. results.Select(x => new AbsolutePath(x))];
    }

    private static Regex ToRegex(string glob)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                builder.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                builder.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
