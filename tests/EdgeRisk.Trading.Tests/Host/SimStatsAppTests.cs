namespace EdgeRisk.Trading.Tests.Host;

public sealed class SimStatsAppTests
{
    [Fact]
    public void Run_ShippedData_WritesPnlStatsJson()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("sim", "pnl_stats.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = SimStatsApp.Run(new SimStatsCommand(TradingProcess.DataDirectory, path, ["BTC-USD", "ETH-USD"]) { ConfigDirectory = TradingProcess.ConfigDirectory }, output, error);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.True(json.RootElement.GetProperty("windows").GetInt32() >= 1);
        Assert.True(json.RootElement.GetProperty("edge_blended_sigma_bps").GetDouble() > 0);
        Assert.Contains("windows", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }
}
