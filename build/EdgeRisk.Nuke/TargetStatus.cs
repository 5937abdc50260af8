namespace EdgeRisk.Nuke;

public enum TargetStatus
{
    NotRun,
    Succeeded,
    Failed,
    Skipped,

    /// <summary>Skipped because its inputs, parameters, build code and outputs are unchanged.</summary>
    UpToDate,

    /// <summary>Has no actions of its own; only groups dependencies.</summary>
    Collective,
}
