using System.Security.Cryptography;
using Json.Schema;

namespace EdgeRisk.Release.Tests.Gates;

public sealed class GatesFileTests : IDisposable
{
    private readonly TempDirectory _dir = new("gates-file");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Settings_ShippedFile_ReproducesTheFormerConstants()
    {
        var file = GatesFile.Load(ShippedPath());

        var local = file.Settings(GatesFile.LocalProfile);
        var staging = file.Settings(GatesFile.StagingProfile);

        // The values the gates had as C# constants before the gates file.
        Assert.Equal(TimeSpan.FromMinutes(2), local.MaxUpGap);
        Assert.Equal(2, local.MaxWarningEpisodes);
        Assert.Equal(0.5, local.MaxPnlDriftSigmas);
        Assert.Equal(95, local.MaxVarPct);
        Assert.Equal(0.03, local.RssDriftFailRatio);
        Assert.Equal(0.99, local.MinCoverage);
        Assert.Equal(TimeSpan.FromMinutes(2), local.CoverageSampleTolerance);
        Assert.Equal(["edgerisk-crypto", "edgerisk-stocks"], local.RequiredJobs);
        Assert.Equal(TimeSpan.FromMinutes(1), local.AlertEpisodeGap);
        Assert.Equal(TimeSpan.FromHours(1), local.RssWarmUp);
        Assert.Equal(TimeSpan.FromHours(1), local.RssBaseline);
        Assert.Equal(TimeSpan.FromHours(1), local.RssLastWindow);
        Assert.Null(local.RequiredRuntime);
        Assert.Equal(TimeSpan.FromHours(48), staging.RequiredRuntime);
        Assert.Equal(local with { RequiredRuntime = staging.RequiredRuntime, Source = staging.Source }, staging with { RequiredJobs = local.RequiredJobs });
        // The built-in defaults are this very file.
        Assert.Equal(file.Sha256, GateSettings.Default.Source.Sha256);
        Assert.Equal(Sha256Of(ShippedPath()), file.Sha256);
    }

    [Fact]
    public void Evaluate_ShippedFile_ValidatesAgainstItsSchema()
    {
        var root = RepositoryRoot();
        var gates = JsonNode.Parse(File.ReadAllText(ShippedPath()))!;
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(root, GatesFile.SchemaPath)),
            baseUri: new Uri($"urn:edgerisk:gates-schema-test:{Guid.NewGuid():N}"));

        using var document = JsonDocument.Parse(gates.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal("./gates.schema.json", gates["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void VarGate_ThresholdRaisedInGatesFile_SameEvidenceFlipsFromFailToPass()
    {
        var e = Evidence.Healthy();
        e.Set("var_pct", t => t == e.At(3600), (_, _) => 96);
        var raised = Settings(root => root["gates"]!["var"]!["maxVarPct"] = 97);

        var shipped = VarGate.Evaluate(e.Window, e.Get("var_pct"), GatesFile.Load(ShippedPath()).Settings(GatesFile.LocalProfile));
        var judged = VarGate.Evaluate(e.Window, e.Get("var_pct"), raised);

        Assert.Equal(GateStatus.Fail, shipped.Status);
        Assert.Equal(GateStatus.Pass, judged.Status);
        Assert.Equal(97, judged.Threshold);
        Assert.Equal(1, judged.Margin!.Value, 6);
    }

    [Fact]
    public async Task EvaluateAsync_WarningEpisodesLoweredInGatesFile_SameEvidenceFlipsFromPassToFail()
    {
        var e = Evidence.Healthy(step: 60).WithAlert("VarHigh", "warning", 3600, 3900);
        var strict = Settings(root => root["gates"]!["alerts"]!["maxWarningEpisodes"] = 0);
        var evaluator = new GateEvaluator(TimeProvider.System);

        var shipped = await evaluator.EvaluateAsync(new MemoryEvidence(e), e.Window, 100m, new GateEvaluationOptions(), null, CancellationToken.None);
        var judged = await evaluator.EvaluateAsync(new MemoryEvidence(e), e.Window, 100m, new GateEvaluationOptions { Settings = strict }, null, CancellationToken.None);

        Assert.Equal(GateStatus.Pass, shipped.Gates.Single(g => g.Name == GateNames.Alerts).Status);
        var alerts = judged.Gates.Single(g => g.Name == GateNames.Alerts);
        Assert.Equal(GateStatus.Fail, alerts.Status);
        Assert.Contains("1 warning episodes (> 0)", alerts.Detail, StringComparison.Ordinal);
        Assert.Same(strict, judged.Settings);
    }

    [Theory]
    [InlineData("{\"gates\": {\"var\": {\"maxVarPct\": \"95\"}}}", "gates.var.maxVarPct = \"95\": must be a number")]
    [InlineData("{\"gates\": {\"var\": {\"maxVarPct\": -1}}}", "gates.var.maxVarPct = -1: must be > 0")]
    [InlineData("{\"gates\": {\"var\": {\"maxBreaches\": 0}}}", "gates.var.maxBreaches: unknown key; valid keys here are statistic, maxVarPct")]
    [InlineData("{\"gates\": {\"alerts\": {\"episodeGap\": null}}}", "gates.alerts.episodeGap = null: must be a string")]
    [InlineData("{\"gates\": {\"alerts\": {\"episodeGap\": \"1 minute\"}}}", "gates.alerts.episodeGap = \"1 minute\": must be a Prometheus duration")]
    [InlineData("{\"gates\": {\"alerts\": {\"episodeGap\": \"0s\"}}}", "gates.alerts.episodeGap = \"0s\": must be longer than 0")]
    [InlineData("{\"gates\": {\"var\": {\"statistic\": \"p99\"}}}", "gates.var.statistic = \"p99\": must be \"max\"")]
    [InlineData("{\"profiles\": {\"staging\": {\"requiredJobs\": [\"trading\"]}}}", "profiles.staging.requiredJobs.0 = \"trading\": must match ^edgerisk")]
    [InlineData("{\"profiles\": {\"stagign\": {}}}", "profiles.stagign: unknown key; valid keys here are local, staging")]
    [InlineData("{\"profiles\": {\"staging\": {\"gates\": {\"continuity\": {\"requiredRuntime\": \"0m\"}}}}}", "profiles.staging.gates.continuity.requiredRuntime = \"0m\": must be longer than 0")]
    public void Load_MalformedValue_OneLineErrorNamingFileAndKey(string patch, string expected)
    {
        var path = Write(root => Merge(root, JsonNode.Parse(patch)!.AsObject()));

        var error = Assert.Throws<GateConfigurationException>(() => GatesFile.Load(path, "gates.json"));

        Assert.True(error.Message.StartsWith("gates.json: " + expected, StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_MissingKey_OneLineErrorNamingTheKey()
    {
        var path = Write(root => root["gates"]!["rss_drift"]!.AsObject().Remove("warmUp"));

        var error = Assert.Throws<GateConfigurationException>(() => GatesFile.Load(path, "gates.json"));

        Assert.Equal("gates.json: gates.rss_drift.warmUp is missing: add it (RSS warm-up excluded from the drift fit, e.g. 1h)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_NotJson_OneLineErrorNamingTheFile()
    {
        var path = _dir.Combine("gates.json");
        File.WriteAllText(path, "{ \"gates\": { \"var\": ");

        var error = Assert.Throws<GateConfigurationException>(() => GatesFile.Load(path, "config/gates.json"));

        Assert.StartsWith("config/gates.json: not valid JSON (line 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_NoSuchFile_OneLineErrorNamingTheFileAndTheFix()
    {
        var error = Assert.Throws<GateConfigurationException>(() => GatesFile.Load(_dir.Combine("nope.json"), "nope.json"));

        Assert.Equal("nope.json: no such gates file; pass --gates config/gates.json or a copy of it", error.Message);
    }

    [Fact]
    public async Task WriteAsync_ReportFromAGatesFile_QuotesItsPathShortSha256AndThresholds()
    {
        var path = Write(root => root["gates"]!["var"]!["maxVarPct"] = 90);
        var settings = GatesFile.Load(path, "custom/gates.json").Settings(GatesFile.StagingProfile);
        var e = Evidence.Healthy(step: 120);
        var report = new GateReport(GateStatus.Pass, e.Window, e.All(), VarBacktest.NotComputable("no limit"), new EvidenceRecording(), 100m, null)
        {
            Settings = settings,
        };
        var output = _dir.Combine("report");

        await GateReportWriter.WriteAsync(report, output);

        var sha = Sha256Of(path);
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"));
        Assert.Contains($"- Gates file: `custom/gates.json` (sha256 `{sha[..12]}`, profile staging)", markdown, StringComparison.Ordinal);
        Assert.Contains("- var: statistic max, maxVarPct 90", markdown, StringComparison.Ordinal);
        Assert.Contains("- continuity: statistic max-up-gap, maxUpGap 2m00s, requiredRuntime 48h00m00s", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "gates.json")));
        var file = json.RootElement.GetProperty("gatesFile");
        Assert.Equal("custom/gates.json", file.GetProperty("path").GetString());
        Assert.Equal(sha, file.GetProperty("sha256").GetString());
        Assert.Equal("staging", file.GetProperty("profile").GetString());
        var var = json.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "var");
        Assert.Equal("90", var.GetProperty("settings").GetProperty("maxVarPct").GetString());
    }

    /// <summary>The gate selectors answered from hand-built evidence; no rules API, no Docker.</summary>
    private sealed class MemoryEvidence(Evidence evidence) : IEvidenceSource
    {
        public EvidenceRecording Recording { get; } = new();

        public Task<IReadOnlyList<TimeSeries>> GetSeriesAsync(string selector, GateWindow window, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TimeSeries>>(evidence.Get(selector switch
            {
                GateEvaluator.UpSelector => "up",
                GateEvaluator.TradingStartSelector => "edgerisk_start_time_seconds",
                GateEvaluator.AlertsSelector => "ALERTS",
                GateEvaluator.RssSelector => "process_resident_memory_bytes",
                _ => selector,
            }));

        public Task<RulesEvidence?> GetAlertRulesAsync(CancellationToken cancellationToken) => Task.FromResult<RulesEvidence?>(null);

        public Task<IReadOnlyList<ContainerFacts>?> GetContainersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ContainerFacts>?>(null);
    }

    [Fact]
    public async Task Read_PassJudgedByAnotherGatesFile_IsInconclusiveWithTheFix()
    {
        var judgedBy = GatesFile.Load(Write(root => root["gates"]!["var"]!["maxVarPct"] = 99)).Settings(GatesFile.LocalProfile);
        var e = Evidence.Healthy(step: 120);
        var report = new GateReport(GateStatus.Pass, e.Window, e.All(), VarBacktest.NotComputable("no limit"), new EvidenceRecording(), 100m, null)
        {
            Settings = judgedBy,
        };
        var output = _dir.Combine("report");
        await GateReportWriter.WriteAsync(report, output);
        var now = GatesFile.Load(ShippedPath());

        var same = EdgeRisk.Release.Promotion.GateVerdict.Read(output, judgedBy.Source.Sha256);
        var other = EdgeRisk.Release.Promotion.GateVerdict.Read(output, now.Sha256);

        Assert.True(same.Passed);
        Assert.False(other.Passed);
        Assert.Equal("INCONCLUSIVE", other.Verdict);
        Assert.Contains($"sha256 {judgedBy.Source.ShortSha256}", other.Problem, StringComparison.Ordinal);
        Assert.EndsWith("re-run ./build.sh EvaluateGates", other.Problem, StringComparison.Ordinal);
    }

    private GateSettings Settings(Action<JsonObject> change) => GatesFile.Load(Write(change)).Settings(GatesFile.LocalProfile);

    /// <summary>A copy of the shipped gates file with <paramref name="change"/> applied, in the temp directory.</summary>
    private string Write(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(ShippedPath()))!.AsObject();
        change(root);
        var path = _dir.Combine($"gates-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static string ShippedPath() => Path.Combine(RepositoryRoot(), GatesFile.DefaultPath);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeRisk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no EdgeRisk.sln above {AppContext.BaseDirectory}");
    }
}
