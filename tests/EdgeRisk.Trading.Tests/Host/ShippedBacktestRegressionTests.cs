using System.Security.Cryptography;

namespace EdgeRisk.Trading.Tests.Host;

/// <summary>
/// The shipped 48 h BTC+ETH backtests' books, pinned (as LEAN's regression algorithms pin their statistics): a change that
/// moves one fill, fee or position of either strategy on either window changes a hash here. When a change is meant to
/// alter decisions, re-pin the hashes in the same commit and say why.
/// </summary>
public sealed class ShippedBacktestRegressionTests
{
    [Theory]
    [InlineData("ema-cross", "2017-09-03", "028e4c8c8f5074f9", "c8d3ddfd3f577111", "43298a33abbefe4c")]
    [InlineData("ema-cross", "2018-04-04", "6bc68e39d2b6d397", "871e7285d27bacb8", "3d687b675c02d22a")]
    [InlineData("dual-horizon", "2017-09-03", "4062a020e259acff", "03edb0d44ffed9f6", "05044e0f35cd2406")]
    [InlineData("dual-horizon", "2018-04-04", "a8825b7bba650235", "f39db84e66415582", "25b5eb83e37dc5dc")]
    public void Run_Shipped48h_BooksHashAsPinned(string strategy, string from, string paperLedger, string simLedger, string fills)
    {
        using var dir = new TempDirectory();
        var start = DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var command = new BacktestCommand(start, start.AddDays(1), ["BTC-USD", "ETH-USD"], strategy, TradingProcess.DataDirectory, dir.Path)
        {
            ConfigDirectory = TradingProcess.ConfigDirectory,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, BacktestApp.Run(command, output, error));

        Assert.Equal(
            (paperLedger, simLedger, fills),
            (Hash(dir.Path, "paper-ledger.json"), Hash(dir.Path, "sim-ledger.json"), Hash(dir.Path, "fills.csv")));
    }

    private static string Hash(string directory, string file) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, file))))[..16];
}
