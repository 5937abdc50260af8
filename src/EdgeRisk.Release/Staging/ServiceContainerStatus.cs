namespace EdgeRisk.Release.Staging;

/// <summary>One container of a compose project as the engine reports it (inspect).</summary>
/// <param name="Health">healthy / unhealthy / starting, or null when the service has no healthcheck.</param>
public sealed record ServiceContainerStatus(string Service, string ContainerName, string ContainerId, string State, string? Health,
    long RestartCount, bool OomKilled, long ExitCode, DateTimeOffset? StartedAt)
{
    /// <summary>Running, and healthy when a healthcheck exists.</summary>
    public bool IsHealthy => State == "running" && (Health is null || Health == "healthy");
}
