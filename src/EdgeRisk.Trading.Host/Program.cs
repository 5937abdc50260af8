using EdgeRisk.Trading.Host;
using EdgeRisk.Trading.Host.Cli;

Command command;
try
{
    command = CommandLineParser.Parse(args);
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync($"edgerisk-trading: {e.Message}");
    await Console.Error.WriteLineAsync(Usage.Hint);
    return 2;
}

switch (command)
{
    case LiveCommand live:
        return await LiveApp.RunAsync(live.Options, Console.Error);
    case BacktestCommand backtest:
        return BacktestApp.Run(backtest, Console.Out, Console.Error);
    case SimStatsCommand simStats:
        return SimStatsApp.Run(simStats, Console.Out, Console.Error);
    default:
        await Console.Out.WriteLineAsync(Usage.Text);
        return 0;
}
