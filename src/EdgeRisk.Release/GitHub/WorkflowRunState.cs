namespace EdgeRisk.Release.GitHub;

public enum WorkflowRunState
{
    Success,
    Failed,
    InProgress,
    Missing,
}

/// <summary>The latest run of a workflow for a tag; <see cref="RunId"/> is null when <see cref="State"/> is Missing.</summary>
public sealed record WorkflowRunCheck(WorkflowRunState State, string Tag, long? RunId, string? Url, string? Conclusion);
