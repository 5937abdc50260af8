namespace EdgeRisk.Nuke;

/// <summary>A build target: a property whose lambda configures the target definition (NUKE's shape).</summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
