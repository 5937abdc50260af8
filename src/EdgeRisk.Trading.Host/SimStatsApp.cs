using EdgeRisk.Trading.Backtesting;
using EdgeRisk.Trading.Host.Cli;

namespace EdgeRisk.Trading.Host;

/// <summary><c>edgerisk-trading sim-stats</c>: the core's sim-book PnL and blended-edge statistics, written atomically as JSON.</summary>
public static class SimStatsApp
{
    public static int Run(SimStatsCommand command, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!HostConfig.TryLoad(command.ConfigDirectory, error, out var config))
        {
            return 2;
        }

        PnlStats stats;
        try
        {
            stats = SimStatsCalculator.Compute(command.DataDirectory, config.Trading, config.Router, command.Symbols,
                command.SkipBadFiles, new BadFileWarnings(error)) with { ConfigHash = config.Hash };
        }
        catch (BadDataFileException e)
        {
            error.WriteLine(BadFileWarnings.ErrorLine(e));
            return 2;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException)
        {
            error.WriteLine($"edgerisk-trading: --data {command.DataDirectory}: {e.Message}");
            return 1;
        }

        SimStatsCalculator.WriteJson(stats, command.OutFile);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{command.OutFile}: {stats.Windows} windows, sim PnL mean {stats.PnlMeanUsd:0.00} USD sigma {stats.PnlSigmaUsd:0.00} USD, edge mean {stats.EdgeBlendedMeanBps:0.###} bps sigma {stats.EdgeBlendedSigmaBps:0.###} bps, config hash {stats.ConfigHash}"));
        return 0;
    }
}
