namespace EdgeRisk.Processes;

/// <summary>Where a tool given by its bare name lives: the first file of that name on PATH, then in the folders Debian puts daemons and tools in.</summary>
public static class Executable
{
    // A non-login root shell (CI, sudo) may lack /usr/sbin and /sbin on PATH, where redis-server, dockerd and slurmctld live.
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/sbin", "/usr/bin"];

    /// <summary>
    /// The full path of <paramref name="name"/>, or null when no such file exists; <paramref name="searchPath"/> is the
    /// PATH to search first (the process's own when null).
    /// </summary>
    public static string? Find(string name, string? searchPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
