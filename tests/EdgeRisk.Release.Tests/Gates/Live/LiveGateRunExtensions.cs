namespace EdgeRisk.Release.Tests.Gates.Live;

internal static class LiveGateRunExtensions
{
    /// <summary>Runs to the end; the outcome and every stop a step announced, in order.</summary>
    public static async Task<(LiveGateOutcome Outcome, List<LiveGateStop> Stops)> RunCollectingStopsAsync(this LiveGateRun run)
    {
        var stops = new List<LiveGateStop>();
        var outcome = await run.RunAsync((step, _) =>
        {
            stops.AddRange(step.Stop is { } stop ? [stop] : []);
            return Task.CompletedTask;
        }, CancellationToken.None);
        return (outcome, stops);
    }
}
