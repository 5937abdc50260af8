using System.Diagnostics.CodeAnalysis;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Host.Composition;

/// <summary>Loads <c>--config DIR</c> for every command: a missing folder or file, a bad value or an unknown key is one line on stderr.</summary>
public static class HostConfig
{
    public static bool TryLoad(string directory, TextWriter error, [NotNullWhen(true)] out TradingConfigSet? config)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            config = TradingConfigLoader.LoadDirectory(directory);
            return true;
        }
        catch (RouterConfigException e)
        {
            error.WriteLine($"edgerisk-trading: {e.Message}");
            config = null;
            return false;
        }
    }
}
