using SchedulingTrial = EdgeRisk.Tuning.Scheduling.Trial;

namespace EdgeRisk.Tuning.Tune;

/// <summary>Builds the argv that evaluates one trial: it reads <paramref name="configDirectory"/>, replays the window and
/// writes the backtest's result.json to <see cref="SchedulingTrial.ResultPlaceholder"/>.</summary>
public interface ITrialCommand
{
    IReadOnlyList<string> Build(string configDirectory, TuneWindow window, string outDirectory);
}

/// <summary>
/// The trading executable's backtest: <c>&lt;trading&gt; backtest --config DIR --from --to --symbols --strategy --data --out DIR</c>,
/// then its result.json copied to the trial's result path (the scheduler's wrapper makes it the trial's result atomically).
/// </summary>
public sealed record BacktestTrialCommand(IReadOnlyList<string> Trading, string DataDirectory, string Symbols = "BTC-USD,ETH-USD", string Strategy = "dual-horizon") : ITrialCommand
{
    private const string Script = "out=$1; result=$2; shift 2; \"$@\" --out \"$out\" >/dev/null && cp \"$out/result.json\" \"$result\"";

    public IReadOnlyList<string> Build(string configDirectory, TuneWindow window, string outDirectory) =>
    [
        "bash", "-c", Script, "backtest-trial", outDirectory, SchedulingTrial.ResultPlaceholder,
        .. Trading, "backtest", "--config", configDirectory, "--from", window.FromText, "--to", window.ToText,
        "--symbols", Symbols, "--strategy", Strategy, "--data", DataDirectory,
    ];
}
