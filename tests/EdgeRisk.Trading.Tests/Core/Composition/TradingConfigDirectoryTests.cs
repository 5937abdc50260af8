namespace EdgeRisk.Trading.Tests.Core.Composition;

public sealed class TradingConfigDirectoryTests
{
    [Fact]
    public void LoadDirectory_ShippedConfig_EqualsTheBuiltInDefaults()
    {
        var shipped = TradingConfigLoader.LoadDirectory(CoreTestData.ConfigDir);

        Assert.Equal(TradingConfigLoader.HashOf(new TradingConfig(), new RouterConfig()), shipped.Hash);
        Assert.Matches("^[0-9a-f]{12}$", shipped.Hash);
    }

    [Fact]
    public void LoadDirectory_SameValuesOtherWhitespaceAndKeyOrder_SameHash()
    {
        using var dir = CopyOfShipped();
        var router = File.ReadAllText(Path.Combine(dir.Path, "router.json"));
        var withoutDwell = router.Replace("\"minDwellMinutes\": 30,", string.Empty, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir.Path, "router.json"), "// tuned nothing\n{ \"minDwellMinutes\":30,\n\n" + withoutDwell[(withoutDwell.IndexOf('{', StringComparison.Ordinal) + 1)..]);

        var copy = TradingConfigLoader.LoadDirectory(dir.Path);

        Assert.Equal(TradingConfigLoader.LoadDirectory(CoreTestData.ConfigDir).Hash, copy.Hash);
    }

    [Fact]
    public void LoadDirectory_OneRouterValueChanged_DifferentHash()
    {
        using var dir = CopyOfShipped("\"minDwellMinutes\": 30", "\"minDwellMinutes\": 31");

        var tuned = TradingConfigLoader.LoadDirectory(dir.Path);

        Assert.Equal(31, tuned.Router.MinDwellMinutes);
        Assert.NotEqual(TradingConfigLoader.LoadDirectory(CoreTestData.ConfigDir).Hash, tuned.Hash);
    }

    [Theory]
    // A value out of range: the message names the key and the range.
    [InlineData("\"trendEnter\": -1", "trendEnter must be in (0, 100], got -1", "trendEnter")]
    // An unknown key.
    [InlineData("\"trendEntr\": 1.0", "invalid router config", "trendEntr")]
    public void LoadDirectory_BadRouterEntry_OneLineErrorNamingFileAndKey(string entry, string message, string key)
    {
        using var dir = CopyOfShipped("\"trendEnter\": 1.0", entry);

        var error = Assert.Throws<RouterConfigException>(() => TradingConfigLoader.LoadDirectory(dir.Path));

        Assert.StartsWith($"{Path.Combine(dir.Path, "router.json")}: {message}", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void LoadDirectory_WrongTypeInStrategyFile_OneLineErrorNamingFileAndKey()
    {
        using var dir = CopyOfShipped("\"feeBps\": 10", "\"feeBps\": \"ten\"", "strategy.json");
        var strategy = dir.Combine("strategy.json");

        var error = Assert.Throws<RouterConfigException>(() => TradingConfigLoader.LoadDirectory(dir.Path));

        Assert.StartsWith($"{strategy}: invalid strategy config at $.paper.feeBps", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void LoadDirectory_OldStrategySpelling_OneLineErrorNamingValidValues()
    {
        using var dir = CopyOfShipped("\"dual-horizon\"", "\"ema\"", "strategy.json");
        var strategy = dir.Combine("strategy.json");

        var error = Assert.Throws<RouterConfigException>(() => TradingConfigLoader.LoadDirectory(dir.Path));

        Assert.Equal($"{strategy}: strategy must be one of dual-horizon, ema-cross, got 'ema'", error.Message);
    }

    [Fact]
    public void LoadDirectory_MissingRouterFile_OneLineErrorNamingTheFile()
    {
        using var dir = CopyOfShipped();
        File.Delete(Path.Combine(dir.Path, "router.json"));

        var error = Assert.Throws<RouterConfigException>(() => TradingConfigLoader.LoadDirectory(dir.Path));

        Assert.Equal($"{Path.Combine(dir.Path, "router.json")}: router config file not found; pass an existing file (e.g. config/router.json)", error.Message);
    }

    [Fact]
    public void LoadDirectory_MissingFolder_OneLineErrorNamingTheFlag()
    {
        using var dir = new TempDirectory();
        var missing = dir.Combine("nope");

        var error = Assert.Throws<RouterConfigException>(() => TradingConfigLoader.LoadDirectory(missing));

        Assert.Equal($"--config: directory '{missing}' does not exist; pass --config DIR, a folder holding strategy.json and router.json (the repository's config/)", error.Message);
    }

    [Fact]
    public void WithStrategy_OtherStrategy_HashFollows()
    {
        var shipped = TradingConfigLoader.LoadDirectory(CoreTestData.ConfigDir);

        var ema = shipped.WithStrategy(PipelineFactory.EmaCross);

        Assert.Equal(PipelineFactory.EmaCross, ema.Trading.Strategy);
        Assert.NotEqual(shipped.Hash, ema.Hash);
        Assert.Same(shipped, shipped.WithStrategy(PipelineFactory.DualHorizon));
    }

    /// <summary>A temp copy of the shipped config/, with <paramref name="find"/> replaced in <paramref name="file"/> when given.</summary>
    internal static TempDirectory CopyOfShipped(string? find = null, string? replace = null, string file = "router.json")
    {
        var dir = new TempDirectory("edgerisk-config");
        foreach (var shipped in new[] { "strategy.json", "router.json" })
        {
            File.Copy(Path.Combine(CoreTestData.ConfigDir, shipped), dir.Combine(shipped));
        }

        if (find is not null)
        {
            var edited = dir.Combine(file);
            var text = File.ReadAllText(edited);
            Assert.Contains(find, text, StringComparison.Ordinal);
            File.WriteAllText(edited, text.Replace(find, replace, StringComparison.Ordinal));
        }

        return dir;
    }
}
