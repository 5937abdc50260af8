namespace EdgeRisk.Evidence;

/// <summary>What continuity needs to know about one container of the compose project (from container inspect).</summary>
public sealed record ContainerFacts(string Name, string Id, long RestartCount, bool OomKilled, bool Running, DateTimeOffset? StartedAt);
