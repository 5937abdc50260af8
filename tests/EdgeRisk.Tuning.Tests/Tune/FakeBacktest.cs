using SchedulingTrial = EdgeRisk.Tuning.Scheduling.Trial;

namespace EdgeRisk.Tuning.Tests.Tune;

/// <summary>
/// A trial command the test controls: it counts each start in <c>&lt;starts&gt;/&lt;window&gt;-&lt;trial&gt;</c> and writes a
/// backtest-shaped result whose Sharpe peaks at router.json trendEnter = 1.5 on the tuning window (and at 1.2 on the
/// validation window), drawdown 0.01.
/// </summary>
internal sealed record FakeBacktest(string Starts) : ITrialCommand
{
    private const string Script = """
        config=$1; result=$2; starts=$3; window=$4
        trial=$(basename "$(dirname "$config")")
        echo x >> "$starts/$window-$trial"
        t=$(sed -n 's/.*"trendEnter": *\([-0-9.eE+]*\).*/\1/p' "$config/router.json")
        peak=1.5; [ "$window" = "2018-04-04" ] && peak=1.2
        awk -v t="$t" -v p="$peak" 'BEGIN { printf "{\"paper\":{\"statistics\":{\"sharpe\":%.10f,\"maxDrawdown\":0.01}},\"risk\":{\"maxVarUtilisation\":0.5,\"varWarningLine\":0.8}}", 2 - (t - p) * (t - p) }' > "$result"
        """;

    public IReadOnlyList<string> Build(string configDirectory, TuneWindow window, string outDirectory) =>
        ["bash", "-c", Script, "fake-backtest", configDirectory, SchedulingTrial.ResultPlaceholder, Starts, window.FromText];

    public int StartsOf(string window, string trial)
    {
        var path = Path.Combine(Starts, $"{window}-{trial}");
        return File.Exists(path) ? File.ReadAllLines(path).Length : 0;
    }
}
