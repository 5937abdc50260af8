namespace EdgeRisk.Nuke.Tests;

public sealed class AbsolutePathTests
{
    [Fact]
    public void Divide_RelativeSegments_CombinesAndConvertsToString()
    {
        using var root = new TempRoot();

        string combined = root.Path / "a" / "b/c.txt";

        Assert.Equal(System.IO.Path.Combine(root.Path, "a", "b", "c.txt"), combined);
    }

    [Fact]
    public void WriteAllText_ExistingFile_ReplacesWithoutLeavingTemporaryFiles()
    {
        using var root = new TempRoot();
        var file = root.Path / "out" / "report.txt";

        file.WriteAllText("one");
        file.WriteAllText("two");

        Assert.Equal("two", file.ReadAllText());
        Assert.Equal(["report.txt"], Directory.GetFiles(root.Path / "out").Select(System.IO.Path.GetFileName));
    }

    [Fact]
    public void GlobFiles_Patterns_MatchRecursivelyAndSorted()
    {
        using var root = new TempRoot();
        root.Write("src/a.cs", string.Empty);
        root.Write("src/x/b.cs", string.Empty);
        root.Write("src/x/b.txt", string.Empty);
        root.Write("c.cs", string.Empty);

        Assert.Equal(["src/a.cs", "src/x/b.cs"], root.Path.GlobFiles("src/**/*.cs").Select(root.Path.GetUnixRelativePathTo));
        Assert.Equal(["c.cs"], root.Path.GlobFiles("*.cs").Select(root.Path.GetUnixRelativePathTo));
        Assert.Equal(["src/x/b.txt"], root.Path.GlobFiles("src/?/b.*", "missing/**").Where(f => f.Name.EndsWith(".txt", StringComparison.Ordinal)).Select(root.Path.GetUnixRelativePathTo));
    }

    [Fact]
    public void DeleteDirectory_Existing_RemovesTree()
    {
        using var root = new TempRoot();
        root.Write("tree/a/b.txt", "x");

        (root.Path / "tree").DeleteDirectory();

        Assert.False((root.Path / "tree").Exists());
    }
}
