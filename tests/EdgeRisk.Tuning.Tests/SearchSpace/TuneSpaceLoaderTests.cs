namespace EdgeRisk.Tuning.Tests.SearchSpace;

public sealed class TuneSpaceLoaderTests
{
    private static string Space(string parameter) => $$"""{"parameters": [{{parameter}}]}""";

    private static TuneSpaceException Fails(string json)
    {
        var e = Assert.Throws<TuneSpaceException>(() => TuneSpaceLoader.Parse(json, "space.json"));
        Assert.StartsWith("space.json: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void Parse_MinNotBelowMax_OneLineNamingFileParameterAndFix()
    {
        var e = Fails(Space("""{"name": "trendEnter", "file": "router.json", "key": "trendEnter", "min": 3, "max": 3}"""));
        Assert.Contains("parameter 'trendEnter'", e.Message, StringComparison.Ordinal);
        Assert.Contains("min < max", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LogWithNonPositiveMin_NamesParameterAndFix()
    {
        var e = Fails(Space("""{"name": "trendExit", "file": "router.json", "key": "trendExit", "min": 0, "max": 1, "log": true}"""));
        Assert.Contains("parameter 'trendExit'", e.Message, StringComparison.Ordinal);
        Assert.Contains("log needs min > 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_ListsValidKeys()
    {
        var e = Fails(Space("""{"name": "x", "file": "router.json", "key": "trendEnter", "min": 0, "max": 1, "logscale": true}"""));
        Assert.Contains("parameter 'x': unknown key 'logscale'", e.Message, StringComparison.Ordinal);
        Assert.Contains("valid keys: name, file, key, min, max, log, int, complementKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTopLevelKey_Throws()
    {
        var e = Fails("""{"parameters": [], "objective": "sharpe"}""");
        Assert.Contains("unknown key 'objective'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateName_NamesTheParameter()
    {
        var p = """{"name": "x", "file": "router.json", "key": "trendEnter", "min": 0, "max": 1}""";
        var e = Fails(Space(p + ", " + p));
        Assert.Contains("parameter 'x' is listed twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FileWithPath_AsksForAConfigFileName()
    {
        var e = Fails(Space("""{"name": "x", "file": "../secrets.json", "key": "a", "min": 0, "max": 1}"""));
        Assert.Contains("\"file\" must be a .json file name in config/", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Empty_Throws()
    {
        var e = Fails("""{"parameters": []}""");
        Assert.Contains("no parameters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_NamesLineAndFile()
    {
        var e = Fails("{\"parameters\": [\n{");
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedSpace_ValidAgainstShippedConfig()
    {
        var space = TuneSpaceLoader.Load(RepositoryRoot.Combine("config", "tune-space.json"), RepositoryRoot.Combine("config"));

        Assert.Contains(space.Parameters, p => p.Target!.File == "router.json");
        Assert.Contains(space.Parameters, p => p.Target!.Key == "dualHorizon.edgeScaleBps");
        Assert.Contains(space.Parameters, p => p.Target!.ComplementKey == "shortRegimeWeights.long");
        // Ranges keep the configs valid whatever the optimiser picks: exit below enter, fast below slow, de-risk above scale-down.
        Assert.True(space.Parameters.Single(p => p.Name == "trendExit").Max < space.Parameters.Single(p => p.Name == "trendEnter").Min);
        Assert.True(space.Parameters.Single(p => p.Name == "trendFastMinutes").Max < space.Parameters.Single(p => p.Name == "trendSlowMinutes").Min);
        Assert.True(space.Parameters.Single(p => p.Name == "scaleDownAt").Max <= space.Parameters.Single(p => p.Name == "deRiskAtLimitFraction").Min);
    }

    [Fact]
    public void Load_KeyMissingFromConfig_NamesParameterAndKey()
    {
        var dir = Directory.CreateTempSubdirectory("tune-space-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "router.json"), """{"trendEnter": 1.0}""");
            var space = Path.Combine(dir.FullName, "space.json");
            File.WriteAllText(space, Space("""{"name": "enter", "file": "router.json", "key": "trendEntr", "min": 0.5, "max": 2}"""));

            var e = Assert.Throws<TuneSpaceException>(() => TuneSpaceLoader.Load(space, dir.FullName));

            Assert.Contains("parameter 'enter': router.json has no number at 'trendEntr'", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_MissingFile_NamesItAndTheFix()
    {
        var e = Assert.Throws<TuneSpaceException>(() => TuneSpaceLoader.Load("no-such-space.json"));
        Assert.Equal("no-such-space.json: search-space file not found; pass an existing file (e.g. config/tune-space.json)", e.Message);
    }
}
