namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>The supervised run: one entry per job, and why it was stopped early (null when it ran to the end).</summary>
public sealed record DryRunOutcome(IReadOnlyList<DryRunJobOutcome> Jobs, string? StopReason)
{
    public bool Completed => StopReason is null && Jobs.Count > 0 && Jobs.All(j => j.Succeeded);

    public int TotalRestarts => Jobs.Sum(j => j.Restarts);
}
