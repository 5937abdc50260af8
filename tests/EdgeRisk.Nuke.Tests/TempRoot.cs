namespace EdgeRisk.Nuke.Tests;

/// <summary>A throw-away repository root (a directory with .nuke/) deleted on dispose.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Path = new AbsolutePath(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edgerisk-nuke-" + Guid.NewGuid().ToString("N")));
        (Path / ".nuke").CreateDirectory();
        // As in a clone: the release targets check the shipped gates file before any target runs.
        Write(EdgeRisk.Evidence.Gates.GatesFile.DefaultPath, ShippedGatesFile.Value);
    }

    private static readonly Lazy<string> ShippedGatesFile = new(() => File.ReadAllText(RepositoryRoot.Combine(EdgeRisk.Evidence.Gates.GatesFile.DefaultPath)));

    public AbsolutePath Path { get; }

    public void Write(string relative, string content) => (Path / relative).WriteAllText(content);

    public void Dispose() => Path.DeleteDirectory();
}
