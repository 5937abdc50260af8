namespace EdgeRisk.Release.Staging;

/// <summary>
/// The repository's <c>.env</c> as docker-compose v1 reads it: <c>NAME=value</c> lines, <c>#</c> comments, no quoting
/// or expansion. The build takes its defaults from it (e.g. EDGERISK_REGISTRY) so compose and the build agree.
/// </summary>
public static class DotEnvFile
{
    /// <returns>The variables; empty when the file does not exist.</returns>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return variables;
        }

        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            variables[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return variables;
    }
}
