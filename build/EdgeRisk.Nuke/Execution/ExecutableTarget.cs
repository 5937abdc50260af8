namespace EdgeRisk.Nuke.Execution;

/// <summary>A discovered target with its relations normalized to DependsOn, Triggers and After.</summary>
internal sealed class ExecutableTarget(string name, int index, Target factory, TargetDefinition definition)
{
    public string Name { get; } = name;

    /// <summary>Discovery order; the tie-breaker that keeps plans deterministic.</summary>
    public int Index { get; } = index;

    public Target Factory { get; } = factory;

    public TargetDefinition Definition { get; } = definition;

    public List<ExecutableTarget> DependsOn { get; } = [];

    public List<ExecutableTarget> Triggers { get; } = [];

    public List<ExecutableTarget> After { get; } = [];

    public bool IsDefault { get; set; }

    public TargetStatus Status { get; set; } = TargetStatus.NotRun;

    public TimeSpan Duration { get; set; }

    public string? Reason { get; set; }

    /// <summary>Failed with a <see cref="BuildConfigurationException"/> (missing variables, bad input): the run exits 2.</summary>
    public bool FailedOnConfiguration { get; set; }

    public override string ToString() => Name;
}
