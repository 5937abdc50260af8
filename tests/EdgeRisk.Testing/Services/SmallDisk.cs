using System.Diagnostics;
using System.Globalization;

namespace EdgeRisk.Testing.Services;

/// <summary>
/// A tmpfs of a few hundred KB mounted on a fresh temp folder, for writes that must meet a full disk; unmounted and removed
/// on dispose. Needs root (CI runs the tests as root): use with <see cref="RootFactAttribute"/>.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly TempDirectory _mountPoint = new("small-disk");

    public SmallDisk(int kilobytes)
    {
        try
        {
            Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes.ToString(CultureInfo.InvariantCulture)}k", "edgerisk-test", _mountPoint.Path);
        }
        catch
        {
            _mountPoint.Dispose();
            throw;
        }
    }

    public string Path => _mountPoint.Path;

    public string Combine(params string[] parts) => _mountPoint.Combine(parts);

    /// <summary>Fills the free space with one file, then frees <paramref name="leaveKilobytes"/> of it again.</summary>
    public void Fill(int leaveKilobytes)
    {
        var filler = Combine(".filler");
        var block = new byte[4096];
        using (var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
        {
            try
            {
                while (true)
                {
                    stream.Write(block);
                }
            }
            catch (IOException)
            {
                // full
            }

            stream.SetLength(Math.Max(0, stream.Length - (leaveKilobytes * 1024L)));
        }
    }

    public void Dispose()
    {
        Run("umount", "-l", _mountPoint.Path);
        _mountPoint.Dispose();
    }

    private static void Run(string fileName, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{fileName} could not be started");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Trim()}");
        }
    }
}
