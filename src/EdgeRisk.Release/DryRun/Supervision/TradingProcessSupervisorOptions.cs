namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>Restart policy and limits of <see cref="TradingProcessSupervisor"/>; like compose's <c>restart: on-failure:N</c>.</summary>
public sealed record TradingProcessSupervisorOptions
{
    /// <summary>Where each job's output goes, as <c>&lt;job&gt;.log</c> (the build passes <c>artifacts/dry-run</c>).</summary>
    public required string LogDirectory { get; init; }

    /// <summary>Restarts allowed per job after a non-zero exit; a clean exit (0) is never restarted.</summary>
    public int MaxRestarts { get; init; } = 3;

    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Wall-clock bound of the whole run; the run is stopped (and reported as such) when it is exceeded.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
}
