namespace EdgeRisk.Nuke.CI.GitHubActions;

public enum GitHubActionsTrigger
{
    Push,
    PullRequest,
    WorkflowDispatch,
}
