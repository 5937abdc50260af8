namespace EdgeRisk.Processes.Tests;

public sealed class ExecutableTests
{
    [Fact]
    public void Find_FileInAPathDirectory_ItsFullPath()
    {
        var directory = Directory.CreateTempSubdirectory("edgerisk-executable-");
        try
        {
            var tool = Path.Combine(directory.FullName, "edgerisk-test-tool");
            File.WriteAllText(tool, "#!/bin/sh\n");

            Assert.Equal(tool, Executable.Find("edgerisk-test-tool", $"/nonexistent:{directory.FullName}"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Find_NotOnPathButInUsrBin_FoundThere()
    {
        // /usr/bin/env is on every Debian system; an empty PATH leaves only the system folders.
        Assert.Equal("/usr/bin/env", Executable.Find("env", string.Empty));
    }

    [Fact]
    public void Find_NoSuchFileAnywhere_Null() =>
        Assert.Null(Executable.Find("edgerisk-no-such-tool", "/nonexistent"));
}
