namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>Why the live loop stopped the run: the first minute at which <see cref="Gate"/> failed for good.</summary>
public sealed record LiveGateStop(DateTimeOffset Time, TimeSpan Elapsed, GateResult Gate)
{
    public string Reason =>
        $"gate {Gate.Name} failed irreversibly at {Time:yyyy-MM-ddTHH:mm:ssZ} (+{(int)Elapsed.TotalHours}h{Elapsed.Minutes:00}m into the window): {Gate.Detail}";
}
