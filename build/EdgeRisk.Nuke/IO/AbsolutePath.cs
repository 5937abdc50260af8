namespace EdgeRisk.Nuke.IO;

/// <summary>A normalized absolute path with NUKE's <c>/</c> operator and file-system helpers.</summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string path;

    public AbsolutePath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Path.IsPathRooted(path))
        {
            throw new ArgumentException($"Path '{path}' is not absolute.", nameof(path));
        }

        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        this.path = full.Length > root.Length ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
    }

    public string Name => Path.GetFileName(path);

    public AbsolutePath? Parent => Path.GetDirectoryName(path) is { } parent ? new AbsolutePath(parent) : null;

    public static AbsolutePath operator /(AbsolutePath left, string right) => left.Combine(right);

    public static implicit operator string(AbsolutePath path) => path.ToString();

    public AbsolutePath Combine(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        return new AbsolutePath(Path.Combine(path, relative.Replace('\\', '/')));
    }

    public bool Exists() => File.Exists(path) || Directory.Exists(path);

    public bool FileExists() => File.Exists(path);

    public bool DirectoryExists() => Directory.Exists(path);

    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(path);
        return this;
    }

    public void DeleteDirectory()
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    public void DeleteFile()
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public string ReadAllText() => File.ReadAllText(path);

    /// <summary>Writes atomically: a temporary sibling file is written, then renamed over the target.</summary>
    public void WriteAllText(string content)
    {
        Parent?.CreateDirectory();
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Files matching glob patterns relative to this directory (<c>*</c>, <c>?</c>, <c>**</c>), sorted.</summary>
    public IReadOnlyList<AbsolutePath> GlobFiles(params string[] patterns) => Glob.Match(this, patterns, directories: false);

    public IReadOnlyList<AbsolutePath> GlobDirectories(params string[] patterns) => Glob.Match(this, patterns, directories: true);

    /// <summary>The relative path from this directory to <paramref name="other"/>, with forward slashes.</summary>
    public string GetUnixRelativePathTo(AbsolutePath other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Path.GetRelativePath(path, other.path).Replace('\\', '/');
    }

    public bool Contains(AbsolutePath other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.path == path || other.path.StartsWith(path + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(path, other.path, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as AbsolutePath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(path);

    public override string ToString() => path;
}
