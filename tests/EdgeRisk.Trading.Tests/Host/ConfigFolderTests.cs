using EdgeRisk.Trading.Host.Composition;
using EdgeRisk.Trading.Host.Replay;

namespace EdgeRisk.Trading.Tests.Host;

/// <summary>The live process's <c>--config DIR</c>: what <c>make live-crypto</c> (LiveCrypto, a local replay) trades with.</summary>
public sealed class ConfigFolderTests
{
    [Fact]
    public void LiveReplay_EditedRouterConfig_OtherDecisions()
    {
        using var tuned = TradingConfigDirectoryTests.CopyOfShipped(
            "\"shortRegimeWeights\": { \"short\": 0.8, \"long\": 0.2 }", "\"shortRegimeWeights\": { \"short\": 0.5, \"long\": 0.5 }");

        var shipped = ReplayFills(TradingProcess.ConfigDirectory);
        var edited = ReplayFills(tuned.Path);

        Assert.NotEmpty(shipped);
        Assert.NotEqual(shipped, edited);
    }

    [Fact]
    public async Task TradingMetrics_LoadedConfig_BuildInfoCarriesItsHash()
    {
        Assert.True(HostConfig.TryLoad(TradingProcess.ConfigDirectory, TextWriter.Null, out var config));
        var metrics = new TradingMetrics(["BTC-USD"], new BuildInfo("0.4.0", "abc", config.Hash));

        var text = await MetricsText.ExportAsync(metrics.Registry);

        Assert.Equal(1, MetricsText.Value(text, $"edgerisk_build_info{{version=\"0.4.0\",commit=\"abc\",config_hash=\"{config.Hash}\"}}"));
    }

    [Fact]
    public async Task Live_UnknownConfigKey_ExitsTwoWithOneLineBeforeRedis()
    {
        using var bad = TradingConfigDirectoryTests.CopyOfShipped("\"minDwellMinutes\"", "\"minDwell\"");

        var (exitCode, output) = await TradingProcess.RunAsync(
            ["live", "--speed", "max", "--redis", $"127.0.0.1:{FreePort.Next()}", "--data", TradingProcess.DataDirectory, "--config", bad.Path]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"edgerisk-trading: {Path.Combine(bad.Path, "router.json")}: invalid router config", line, StringComparison.Ordinal);
        Assert.Contains("minDwell", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_MissingConfigFolder_ExitsTwoNamingTheFlag()
    {
        using var dir = new TempDirectory();

        var (exitCode, output) = await TradingProcess.RunAsync(
            ["backtest", "--from", "2017-09-03", "--to", "2017-09-04", "--data", TradingProcess.DataDirectory, "--config", dir.Combine("none")]);

        Assert.Equal(2, exitCode);
        Assert.Equal($"edgerisk-trading: --config: directory '{dir.Combine("none")}' does not exist; pass --config DIR, a folder holding strategy.json and router.json (the repository's config/)",
            output.Trim());
    }

    /// <summary>The local profile's replay of 2017-09-03 for BTC-USD through the live engine wiring, without Redis or Kestrel.</summary>
    private static List<string> ReplayFills(string configDirectory)
    {
        using var error = new StringWriter();
        Assert.True(HostConfig.TryLoad(configDirectory, error, out var config), error.ToString());
        var options = new LiveOptions { Symbols = ["BTC-USD"], Duration = TimeSpan.FromHours(24), DataDirectory = TradingProcess.DataDirectory };
        var metrics = new TradingMetrics(options.Symbols);
        var cash = config.Trading.Engine.InitialCashUsd;
        var flat = new RecoveredState(new BookLedger(Book.Paper, cash), new BookLedger(Book.Sim, cash), ResumeAfter: null, FillsReplayed: 0, LastOrderId: 0);
        var engine = EngineFactory.Create(config, flat, new HostPipelineObserver(metrics, journal: null), TimeProvider.System);
        using (var feed = ReplayWindowPlan.For(options).Open(options.DataDirectory, new SymbolRegistry(), metrics))
        {
            engine.Run(feed);
        }

        return [.. engine.LedgerOf(Book.Paper).Fills.Select(f => $"{f.Symbol} {f.Side} {f.Quantity} {f.Price}")];
    }
}
