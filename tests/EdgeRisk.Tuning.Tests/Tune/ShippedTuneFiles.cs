namespace EdgeRisk.Tuning.Tests.Tune;

/// <summary>The shipped base config (strategy.json, router.json) and search space, copied for a test's Tune run.</summary>
internal static class ShippedTuneFiles
{
    /// <summary>Writes strategy.json and router.json into <paramref name="configDirectory"/> and the space to <paramref name="spaceFile"/>.</summary>
    public static void Write(string configDirectory, string spaceFile)
    {
        Directory.CreateDirectory(configDirectory);
        foreach (var file in new[] { "strategy.json", "router.json" })
        {
            File.Copy(RepositoryRoot.Combine("config", file), Path.Combine(configDirectory, file), overwrite: true);
        }

        File.Copy(RepositoryRoot.Combine("config", "tune-space.json"), spaceFile, overwrite: true);
    }
}
