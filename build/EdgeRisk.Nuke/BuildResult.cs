namespace EdgeRisk.Nuke;

/// <summary>One target's outcome in the order of the execution plan.</summary>
public sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string? Reason);

/// <summary>The outcome of a build run; <see cref="ExitCode"/> is 0 on success, 1 on target failure, 2 on usage and configuration errors (also when every failed target threw a BuildConfigurationException).</summary>
public sealed record BuildResult(int ExitCode, IReadOnlyList<TargetResult> Targets, IReadOnlyList<string> CriticalPath);
